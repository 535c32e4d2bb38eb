package eu.municipia.seminars.control;

import eu.municipia.platform.control.Links;
import eu.municipia.platform.control.Texts;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.Seminar;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Certificates of attendance: made for each checked-in person (the admin any time after check-in,
 * the person from their ticket's link once the event has ended), and checked by anyone who has a
 * certificate's code: the verification page says whose certificate it is and for what.
 */
@ApplicationScoped
@Transactional
public class CertificateIssuer {

  public static final String VERIFY_PAGE = "/seminars/certificate";

  /** What the verification tells about a genuine certificate (the name is gone once erased). */
  public record Check(
      String code,
      String name,
      String kind,
      String title,
      Instant startsAt,
      Instant endsAt,
      String association,
      Instant checkedInAt) {}

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Links links;
  @Inject TenantContext tenants;
  @Inject Attendance attendance;

  /** The PDF of a checked-in person's certificate, for the admin. */
  public byte[] forAdmin(Participant person) {
    requireAttended(person);
    return pdf(person);
  }

  /** The PDF for the person themselves (their ticket's link): only once the event has ended. */
  public byte[] forAttendee(Participant person) {
    requireAttended(person);
    Seminar seminar = seminar(person);
    if (!seminar.hasEnded(clock.instant())) {
      throw Refusal.conflict(
          "The certificate is ready once the event has ended.",
          "certificate",
          "seminar.error.certificateNotYet");
    }
    return pdf(person);
  }

  /** Whether a certificate may be downloaded by its holder now. */
  public boolean isReady(Participant person) {
    return person.certificateCode() != null
        && person.erasedAt() == null
        && seminar(person).hasEnded(clock.instant());
  }

  /** The verification link printed on the certificate. */
  public URI verification(String code) {
    return links.of(tenants.current()).page(VERIFY_PAGE, Map.of("code", code));
  }

  public Optional<Check> check(String code) {
    if (code == null || !code.trim().toUpperCase(Locale.ROOT).matches("[0-9A-Z]{16}")) {
      return Optional.empty();
    }
    return em.createNamedQuery(Participant.BY_CERTIFICATE, Participant.class)
        .setParameter("code", code.trim().toUpperCase(Locale.ROOT))
        .getResultStream()
        .findFirst()
        .map(
            p -> {
              Seminar s = seminar(p);
              Tenant tenant = tenants.current();
              return new Check(
                  p.certificateCode(),
                  p.name(),
                  s.kind().name(),
                  s.title(),
                  s.startsAt(),
                  s.endsAt(),
                  tenant.name(Locale.forLanguageTag("cs")),
                  p.checkedInAt());
            });
  }

  private byte[] pdf(Participant person) {
    Seminar s = seminar(person);
    Locale locale = Locale.forLanguageTag(person.registration().language());
    Tenant tenant = tenants.current();
    LocalDate issued = LocalDate.ofInstant(s.endsAt(), Seminar.ZONE);
    return Certificates.pdf(
        new Certificates.Certificate(
            tenant.name(locale),
            locale,
            person.name(),
            person.role(),
            attendance.from(person.registration()),
            Texts.of(locale).text("seminar.kind.of." + s.kind().name()),
            s.title(),
            s.startsAt(),
            s.endsAt(),
            Seminars.where(s),
            s.lecturers(),
            person.certificateCode(),
            verification(person.certificateCode()),
            issued));
  }

  private void requireAttended(Participant person) {
    if (person.certificateCode() == null || person.erasedAt() != null) {
      throw Refusal.conflict(
          "Only a person who was checked in has a certificate.",
          "certificate",
          "seminar.error.noCertificate");
    }
  }

  private Seminar seminar(Participant person) {
    return em.find(Seminar.class, person.seminarId());
  }
}
