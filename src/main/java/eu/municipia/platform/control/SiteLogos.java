package eu.municipia.platform.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.Logo;
import eu.municipia.platform.entity.SiteLogo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The current association's logo: read by its pages and mail, replaced by its admins. */
@ApplicationScoped
@Transactional
public class SiteLogos {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A logo is a header image, not a photo: 512 KiB is ample for one in PNG or JPEG. */
  @Inject
  @ConfigProperty(name = "app.logo.max-kb", defaultValue = "512")
  int maxKb;

  public long maxBytes() {
    return maxKb * 1024L;
  }

  /**
   * The logo in an upload (a page's file field, the API's body), read with the cap: empty for no
   * file chosen, a refusal for one too large or not a PNG/JPEG.
   */
  public Optional<Logo> read(java.io.InputStream in, long declaredLength) {
    long max = maxBytes();
    if (declaredLength > max) {
      throw Logo.tooLarge(max);
    }
    byte[] bytes;
    try (java.io.InputStream capped = Uploads.capped(in, max)) {
      bytes = capped.readAllBytes();
    } catch (eu.municipia.platform.entity.Refusal e) {
      throw Logo.tooLarge(max);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.length == 0 ? Optional.empty() : Optional.of(Logo.of(bytes));
  }

  public Optional<SiteLogo> current() {
    return em.createNamedQuery(SiteLogo.CURRENT, SiteLogo.class).getResultStream().findFirst();
  }

  /** The entity tag of the logo, for links that change with it; the bytes are not read. */
  public Optional<String> etag() {
    return em.createNamedQuery(SiteLogo.ETAG, String.class).getResultStream().findFirst();
  }

  public SiteLogo replace(Logo logo, Caller admin) {
    Instant now = Instant.now(clock);
    Optional<SiteLogo> existing = current();
    var before = existing.map(SiteLogo::auditState).orElse(null);
    SiteLogo saved = existing.orElseGet(() -> new SiteLogo(logo, now));
    if (existing.isPresent()) {
      saved.replace(logo, now);
    } else {
      em.persist(saved);
    }
    audit.record(admin, "site.logo.changed", "site", "logo", before, saved.auditState());
    return saved;
  }

  /** Removes the logo; the pages then show the association's name alone. */
  public boolean remove(Caller admin) {
    Optional<SiteLogo> existing = current();
    existing.ifPresent(
        logo -> {
          audit.record(admin, "site.logo.removed", "site", "logo", logo.auditState(), null);
          em.remove(logo);
        });
    return existing.isPresent();
  }
}
