package eu.municipia.seminars.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.Page;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.entity.EventForm;
import eu.municipia.seminars.entity.EventKind;
import eu.municipia.seminars.entity.Seminar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The association's events: the admin creates, changes and cancels them (each change audited; a
 * cancellation tells everyone registered); everyone lists them, upcoming or past, by topic and
 * kind.
 */
@ApplicationScoped
@Transactional
public class Seminars {

  /** Which events a list shows. */
  public enum When {
    UPCOMING,
    PAST,
    ALL
  }

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject Registrations registrations;

  @Inject
  @ConfigProperty(name = "seminars.offer-hours", defaultValue = "48")
  int defaultOfferHours;

  /** How long an offer of freed places holds them unless the admin says otherwise for an event. */
  public int defaultOfferHours() {
    return defaultOfferHours;
  }

  public Seminar create(EventForm form, Caller admin) {
    Instant now = clock.instant();
    Seminar seminar = new Seminar(form.details(now), admin.subject(), now);
    em.persist(seminar);
    em.flush(); // the row exists before anything locks it in the same transaction
    audit.record(
        admin, "seminar.created", "seminar", seminar.id().toString(), null, seminar.auditState());
    return seminar;
  }

  /** Takes the admin's changes; places freed by a higher capacity are offered to the waitlist. */
  public Seminar change(UUID id, EventForm form, Caller admin) {
    Instant now = clock.instant();
    Seminar seminar = lock(id);
    Map<String, Object> before = seminar.auditState();
    seminar.change(form.details(seminar.createdAt()));
    audit.record(admin, "seminar.changed", "seminar", id.toString(), before, seminar.auditState());
    registrations.settle(seminar, now);
    return seminar;
  }

  /** Cancels the event and tells everyone registered; their registrations end with it. */
  public Seminar cancel(UUID id, String reason, Caller admin) {
    Instant now = clock.instant();
    Seminar seminar = lock(id);
    Map<String, Object> before = seminar.auditState();
    seminar.cancel(reason, now);
    audit.record(
        admin, "seminar.cancelled", "seminar", id.toString(), before, seminar.auditState());
    registrations.eventCancelled(seminar, now);
    return seminar;
  }

  public Seminar require(UUID id) {
    return Optional.ofNullable(em.find(Seminar.class, id)).orElseThrow(() -> notFound(id));
  }

  public Optional<Seminar> find(UUID id) {
    return Optional.ofNullable(em.find(Seminar.class, id));
  }

  /** The event with its row locked until the transaction ends: the one way to change places. */
  Seminar lock(UUID id) {
    Seminar seminar = em.find(Seminar.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (seminar == null) {
      throw notFound(id);
    }
    return seminar;
  }

  /**
   * Events for a list, soonest first (upcoming) or latest first (past): those that have not ended
   * are upcoming. Topic and kind filter when given.
   */
  public Page<Seminar> search(When when, String topic, EventKind kind, int offset, int limit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (when == When.UPCOMING) {
      where.append(" AND s.endsAt >= :now");
    } else if (when == When.PAST) {
      where.append(" AND s.endsAt < :now");
    }
    boolean byTopic = topic != null && !topic.isBlank();
    if (byTopic) {
      where.append(" AND s.topic = :topic");
    }
    if (kind != null) {
      where.append(" AND s.kind = :kind");
    }
    String order =
        when == When.UPCOMING
            ? " ORDER BY s.startsAt, s.title"
            : " ORDER BY s.startsAt DESC, s.title";
    TypedQuery<Seminar> query =
        em.createQuery("SELECT s FROM Seminar s" + where + order, Seminar.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(s) FROM Seminar s" + where, Long.class);
    for (TypedQuery<?> q : List.of(query, count)) {
      if (when != When.ALL) {
        q.setParameter("now", clock.instant());
      }
      if (byTopic) {
        q.setParameter("topic", topic.trim());
      }
      if (kind != null) {
        q.setParameter("kind", kind);
      }
    }
    List<Seminar> items = query.setFirstResult(offset).setMaxResults(limit).getResultList();
    return new Page<>(count.getSingleResult(), offset, limit, items);
  }

  /** The next events that are not cancelled, for the home page. */
  public List<Seminar> next(int howMany) {
    return em.createNamedQuery(Seminar.UPCOMING, Seminar.class)
        .setParameter("now", clock.instant())
        .getResultStream()
        .filter(s -> !s.isCancelled())
        .limit(howMany)
        .toList();
  }

  /** Every topic the association's events have, for the filter. */
  public List<String> topics() {
    return em.createQuery(
            "SELECT DISTINCT s.topic FROM Seminar s WHERE s.topic IS NOT NULL ORDER BY s.topic",
            String.class)
        .getResultList();
  }

  /** Every event whose time overlaps the year (for the feed and the figures). */
  public List<Seminar> all() {
    return em.createNamedQuery(Seminar.ALL, Seminar.class).getResultList();
  }

  /** How many places of the event are taken, and how many people wait. */
  public record Places(int capacity, int taken, int waiting, boolean open) {
    public int free() {
      return Math.max(0, capacity - taken);
    }
  }

  public Places places(Seminar s) {
    Long waiting =
        em.createQuery(
                "SELECT COALESCE(SUM(r.places), 0) FROM Registration r WHERE r.seminarId = :s"
                    + " AND r.status = eu.municipia.seminars.entity.RegistrationStatus.WAITING",
                Long.class)
            .setParameter("s", s.id())
            .getSingleResult();
    return new Places(
        s.capacity(), s.heldPlaces(), waiting.intValue(), s.isOpenForRegistration(clock.instant()));
  }

  /** Where an event happens, in one line: venue and address, or its online link. */
  public static String where(Seminar s) {
    StringBuilder where = new StringBuilder();
    if (s.venue() != null) {
      where.append(s.venue());
    }
    if (s.address() != null) {
      where.append(where.length() > 0 ? ", " : "").append(s.address());
    }
    if (s.onlineUrl() != null) {
      where.append(where.length() > 0 ? "; " : "").append(s.onlineUrl());
    }
    return where.toString();
  }

  static Refusal notFound(UUID id) {
    return Refusal.notFound("No event " + id + " here.");
  }
}
