package eu.municipia.membership.control;

import eu.municipia.identity.entity.Role;
import eu.municipia.membership.entity.ApplicationStatus;
import eu.municipia.platform.control.WaitingWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Set;

/** The admin overview's line of confirmed applications that wait for a decision. */
@ApplicationScoped
public class ApplicationsWaiting implements WaitingWork {

  @Inject EntityManager em;

  @Override
  public Set<String> audience() {
    return Set.of(Role.ADMIN);
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String titleKey() {
    return "nav.applications";
  }

  @Override
  public String labelKey() {
    return "overview.applications";
  }

  @Override
  public String page() {
    return "/admin/applications";
  }

  @Override
  @Transactional
  public long count() {
    return em.createQuery(
            "SELECT COUNT(a) FROM MembershipApplication a WHERE a.status = :status", Long.class)
        .setParameter("status", ApplicationStatus.SUBMITTED)
        .getSingleResult();
  }
}
