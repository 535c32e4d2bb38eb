package eu.municipia.platform.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.SiteProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** The current association's site profile: read by pages and mail, changed by its admins. */
@ApplicationScoped
@Transactional
public class SiteProfiles {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The saved profile, or the defaults where the association has saved none. */
  public SiteProfile current() {
    return em.createQuery("SELECT p FROM SiteProfile p", SiteProfile.class)
        .getResultStream()
        .findFirst()
        .orElseGet(() -> SiteProfile.defaults(LocalDate.now(clock)));
  }

  /**
   * A new association's colour, chosen by the platform admin who creates it; its own admin changes
   * it later on the site page.
   */
  public void brand(String color, Caller platformAdmin) {
    SiteProfile profile = current();
    boolean created = !profile.isSaved();
    var before = created ? null : profile.auditState();
    profile.brand(color, Instant.now(clock));
    if (created) {
      em.persist(profile);
    }
    audit.record(platformAdmin, "site.changed", "site", "profile", before, profile.auditState());
  }

  public SiteProfile change(SiteProfile.Form form, Caller admin) {
    SiteProfile profile = current();
    boolean created = !profile.isSaved();
    var before = created ? null : profile.auditState();
    profile.change(form, LocalDate.now(clock), Instant.now(clock));
    if (created) {
      em.persist(profile);
    }
    audit.record(admin, "site.changed", "site", "profile", before, profile.auditState());
    return profile;
  }
}
