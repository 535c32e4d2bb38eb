package eu.municipia.seminars.control;

import eu.municipia.privacy.control.PersonalDataSource;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.Seminar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registrants in the GDPR export and erasure: the person as the contact of a registration and as a
 * participant. Erasure forgets names, addresses and roles and the person's personal links, and
 * keeps the places taken and the attendance, so the figures stay right.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SeminarPersonalData implements PersonalDataSource {

  /** One registration of the person, as the contact or as a participant. */
  public record RegistrationData(
      String event,
      Instant eventStartsAt,
      String as,
      String name,
      String email,
      String role,
      String organisation,
      String status,
      Instant registeredAt,
      Instant checkedInAt,
      String certificate) {}

  @Inject EntityManager em;

  @Override
  public String section() {
    return "seminarRegistrations";
  }

  @Override
  public List<RegistrationData> export(String email) {
    List<RegistrationData> data = new ArrayList<>();
    for (Registration r : contactOf(email)) {
      data.add(
          new RegistrationData(
              title(r.seminarId()),
              startsAt(r.seminarId()),
              "contact",
              r.contactName(),
              r.contactEmail(),
              null,
              r.organisation(),
              r.status().name(),
              r.createdAt(),
              null,
              null));
    }
    for (Participant p : participant(email)) {
      Registration r = p.registration();
      data.add(
          new RegistrationData(
              title(r.seminarId()),
              startsAt(r.seminarId()),
              "participant",
              p.name(),
              p.email(),
              p.role(),
              r.organisation(),
              p.cancelledAt() != null ? "CANCELLED" : r.status().name(),
              r.createdAt(),
              p.checkedInAt(),
              p.certificateCode()));
    }
    return data;
  }

  @Override
  public int erase(String email, Instant now) {
    int changed = 0;
    for (Registration r : contactOf(email)) {
      r.eraseContact(now);
      em.createQuery(
              "DELETE FROM PersonalLink l WHERE l.registrationId = :r AND l.participantId IS NULL")
          .setParameter("r", r.id())
          .executeUpdate();
      changed++;
    }
    for (Participant p : participant(email)) {
      p.erase(now);
      em.createQuery("DELETE FROM PersonalLink l WHERE l.participantId = :p")
          .setParameter("p", p.id())
          .executeUpdate();
      changed++;
    }
    return changed;
  }

  private List<Registration> contactOf(String email) {
    return em.createNamedQuery(Registration.BY_CONTACT, Registration.class)
        .setParameter("email", email)
        .getResultList();
  }

  private List<Participant> participant(String email) {
    return em.createNamedQuery(Participant.BY_EMAIL, Participant.class)
        .setParameter("email", email)
        .getResultList();
  }

  private String title(java.util.UUID seminar) {
    return event(seminar).map(Seminar::title).orElse(null);
  }

  private Instant startsAt(java.util.UUID seminar) {
    return event(seminar).map(Seminar::startsAt).orElse(null);
  }

  private Optional<Seminar> event(java.util.UUID seminar) {
    return Optional.ofNullable(em.find(Seminar.class, seminar));
  }
}
