package eu.municipia.membership.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.membership.entity.Membership;
import eu.municipia.membership.entity.MembershipEvent;
import eu.municipia.municipalities.entity.MunicipalityCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The association admin's use cases on memberships, each audited with before and after. */
@ApplicationScoped
@Transactional
public class Memberships {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public Optional<Membership> find(MunicipalityCode code) {
    return em.createNamedQuery(Membership.BY_CODE, Membership.class)
        .setParameter("country", code.country())
        .setParameter("code", code.code())
        .getResultStream()
        .findFirst();
  }

  /** Enters an active member; a municipality that left is let back in on the same record. */
  public Membership add(MunicipalityCode code, LocalDate since, Caller admin) {
    Optional<Membership> existing = find(code);
    if (existing.isPresent()) {
      return change(code, admin, "membership.rejoined", m -> m.rejoin(since, admin, now()));
    }
    Membership membership = Membership.active(code, since);
    em.persist(membership);
    em.flush(); // the event's foreign key needs the membership row first
    em.persist(membership.entered(admin, now()));
    audit.record(
        admin, "membership.added", "membership", code.toString(), null, membership.auditState());
    return membership;
  }

  public Membership suspend(MunicipalityCode code, String reason, Caller admin) {
    return change(code, admin, "membership.suspended", m -> m.suspend(reason, admin, now()));
  }

  public Membership reinstate(MunicipalityCode code, Caller admin) {
    return change(code, admin, "membership.reinstated", m -> m.reinstate(admin, now()));
  }

  public Membership end(MunicipalityCode code, LocalDate until, String reason, Caller admin) {
    return change(code, admin, "membership.ended", m -> m.end(until, reason, admin, now()));
  }

  public List<MembershipEvent> history(MunicipalityCode code) {
    Membership membership = require(code);
    return em.createNamedQuery(MembershipEvent.OF_MEMBERSHIP, MembershipEvent.class)
        .setParameter("membership", membership.id())
        .getResultList();
  }

  private Membership change(
      MunicipalityCode code,
      Caller admin,
      String action,
      Function<Membership, MembershipEvent> transition) {
    Membership membership = require(code);
    Map<String, Object> before = membership.auditState();
    em.persist(transition.apply(membership));
    audit.record(admin, action, "membership", code.toString(), before, membership.auditState());
    return membership;
  }

  private Membership require(MunicipalityCode code) {
    return find(code)
        .orElseThrow(() -> new NotFoundException("No membership of " + code + " here."));
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
