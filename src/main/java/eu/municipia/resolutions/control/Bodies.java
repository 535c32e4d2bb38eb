package eu.municipia.resolutions.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.control.UniqueKeys;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.resolutions.entity.BodyForm;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.resolutions.entity.QuorumBasis;
import eu.municipia.resolutions.entity.Seat;
import eu.municipia.resolutions.entity.SeatForm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin's use cases on bodies and their seats, each audited with before and after. */
@ApplicationScoped
@Transactional
public class Bodies {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public List<GoverningBody> all() {
    return em.createNamedQuery(GoverningBody.ALL, GoverningBody.class).getResultList();
  }

  public GoverningBody require(UUID id) {
    GoverningBody body = id == null ? null : em.find(GoverningBody.class, id);
    if (body == null) {
      throw Refusal.notFound("No body " + id + " here.");
    }
    return body;
  }

  public GoverningBody create(BodyForm form, Caller admin) {
    form.requireValid();
    GoverningBody body = new GoverningBody(form, all().size() + 1, Instant.now(clock));
    em.persist(body);
    UniqueKeys.flush(em, Bodies::patternTaken);
    audit.record(
        admin, "body.created", "governing_body", body.id().toString(), null, body.auditState());
    return body;
  }

  public GoverningBody change(UUID id, BodyForm form, Caller admin) {
    form.requireValid();
    GoverningBody body = require(id);
    Map<String, Object> before = body.auditState();
    body.change(form);
    UniqueKeys.flush(em, Bodies::patternTaken);
    audit.record(admin, "body.changed", "governing_body", id.toString(), before, body.auditState());
    return body;
  }

  private static Refusal patternTaken() {
    return Refusal.conflict(
        "Another body numbers its resolutions by this pattern.",
        "numberPattern",
        "body.error.patternTaken");
  }

  /** Every seat of the body, past terms included. */
  public List<Seat> seats(UUID bodyId) {
    return em.createNamedQuery(Seat.OF_BODY, Seat.class)
        .setParameter("body", bodyId)
        .getResultList();
  }

  /** The seats held on a day. */
  public List<Seat> seatsOn(UUID bodyId, LocalDate day) {
    return seats(bodyId).stream().filter(s -> s.heldOn(day)).toList();
  }

  public Seat addSeat(UUID bodyId, SeatForm form, Caller admin) {
    GoverningBody body = require(bodyId);
    form.requireValid();
    requireDelegate(body, form);
    Seat seat = new Seat(body.id(), form);
    em.persist(seat);
    audit.record(
        admin, "body.seat.added", "body_seat", seat.id().toString(), null, seat.auditState());
    return seat;
  }

  public Seat changeSeat(UUID bodyId, UUID seatId, SeatForm form, Caller admin) {
    GoverningBody body = require(bodyId);
    Seat seat = seatId == null ? null : em.find(Seat.class, seatId);
    if (seat == null || !seat.bodyId().equals(bodyId)) {
      throw Refusal.notFound("No seat " + seatId + " on this body.");
    }
    form.requireValid();
    requireDelegate(body, form);
    Map<String, Object> before = seat.auditState();
    seat.change(form);
    audit.record(
        admin, "body.seat.changed", "body_seat", seatId.toString(), before, seat.auditState());
    return seat;
  }

  /** In a body that counts member municipalities, every seat is a municipality's delegate. */
  private static void requireDelegate(GoverningBody body, SeatForm form) {
    if (body.quorumBasis() == QuorumBasis.MEMBER_MUNICIPALITIES
        && (form.municipalityCode() == null || form.municipalityCode().isBlank())) {
      throw Refusal.invalid("municipalityCode", "seat.error.delegate");
    }
  }
}
