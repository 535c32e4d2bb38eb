package eu.municipia.seminars.control;

import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.Seminar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheduled work of the current association's events, each step in a transaction of its own
 * that claims its rows with FOR UPDATE SKIP LOCKED, so that any number of replicas (and runs) may
 * do it at once and each thing is done once: offers that expired pass on even if nobody opens a
 * page, and each confirmed person gets one reminder the day before.
 */
@ApplicationScoped
public class SeminarJobs {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  // Native, because JPQL cannot say SKIP LOCKED; row-level security keeps it to the tenant.
  private static final String CLAIM_EVENT =
      "SELECT id FROM seminar WHERE id = ? FOR UPDATE SKIP LOCKED";

  private static final String EVENTS_WITH_DUE_OFFERS =
      "SELECT DISTINCT seminar_id FROM seminar_registration"
          + " WHERE status = 'OFFERED' AND offer_expires_at <= ?";

  /**
   * People to remind: confirmed, not reminded, of an event that starts within the lead time and was
   * confirmed before that time began (whoever registers later has just had their ticket).
   */
  private static final String CLAIM_REMINDERS =
      "SELECT p.id FROM seminar_participant p"
          + " JOIN seminar_registration r ON r.tenant_id = p.tenant_id AND r.id = p.registration_id"
          + " JOIN seminar s ON s.tenant_id = p.tenant_id AND s.id = p.seminar_id"
          + " WHERE p.active AND p.reminded_at IS NULL AND p.email IS NOT NULL"
          + " AND r.status = 'CONFIRMED' AND s.cancelled_at IS NULL"
          + " AND s.starts_at > ?1 AND s.starts_at <= ?2 AND r.confirmed_at <= s.starts_at - make_interval(hours => ?3)"
          + " ORDER BY s.starts_at, p.id LIMIT ?4 FOR UPDATE OF p SKIP LOCKED";

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Registrations registrations;
  @Inject SeminarMail mail;

  @Inject
  @ConfigProperty(name = "seminars.reminder-hours", defaultValue = "24")
  int reminderHours;

  /** How long before an event its reminders go out. */
  public int reminderHours() {
    return reminderHours;
  }

  /** The events that have an offer past its time. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<UUID> eventsWithDueOffers() {
    return em.createNativeQuery(EVENTS_WITH_DUE_OFFERS)
        .setHint(NATIVE, true)
        .setParameter(1, Timestamp.from(clock.instant()))
        .getResultStream()
        .map(id -> UUID.fromString(id.toString()))
        .toList();
  }

  /**
   * Settles the event if no one else holds it (a registration, another replica's run): expired
   * offers pass on. Answers false when it was busy; the next run tries again.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean settle(UUID seminarId) {
    if (em.createNativeQuery(CLAIM_EVENT)
        .setHint(NATIVE, true)
        .setParameter(1, seminarId)
        .getResultList()
        .isEmpty()) {
      return false;
    }
    Seminar seminar = em.find(Seminar.class, seminarId);
    registrations.settle(seminar, clock.instant());
    return true;
  }

  /** Sends up to {@code batch} reminders; answers how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int remind(int batch) {
    Instant now = clock.instant();
    Duration lead = Duration.ofHours(reminderHours);
    List<?> claimed =
        em.createNativeQuery(CLAIM_REMINDERS)
            .setHint(NATIVE, true)
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, Timestamp.from(now.plus(lead)))
            .setParameter(3, reminderHours)
            .setParameter(4, batch)
            .getResultList();
    for (Object id : claimed) {
      Participant person = em.find(Participant.class, UUID.fromString(id.toString()));
      mail.reminder(person, em.find(Seminar.class, person.seminarId()));
      person.reminded(now);
    }
    return claimed.size();
  }
}
