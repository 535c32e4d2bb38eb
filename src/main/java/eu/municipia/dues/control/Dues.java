package eu.municipia.dues.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.dues.entity.DuesPayment;
import eu.municipia.dues.entity.DuesRate;
import eu.municipia.dues.entity.DuesYear;
import eu.municipia.dues.entity.InvalidDuesException;
import eu.municipia.dues.entity.PaymentTerms;
import eu.municipia.dues.entity.RateTerms;
import eu.municipia.identity.entity.Caller;
import eu.municipia.membership.control.Memberships;
import eu.municipia.membership.entity.Membership;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.control.UniqueKeys;
import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The association admin's use cases on dues, each audited with before and after. */
@ApplicationScoped
@Transactional
public class Dues {

  /** Payments are dated in the association's own time, not UTC. */
  static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Prague");

  @Inject EntityManager em;
  @Inject Memberships memberships;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** What setting a rate did: the rate, and whether the year had none before. */
  public record RateChange(DuesRate rate, boolean created) {}

  public Optional<DuesRate> rate(DuesYear year) {
    return em.createNamedQuery(DuesRate.OF_YEAR, DuesRate.class)
        .setParameter("year", year.value())
        .getResultStream()
        .findFirst();
  }

  public DuesRate requireRate(DuesYear year) {
    return rate(year)
        .orElseThrow(() -> Refusal.notFound("No dues rate for " + year + " has been set."));
  }

  /** Every year's rate, newest first. */
  public List<DuesRate> rates() {
    return em.createNamedQuery(DuesRate.ALL, DuesRate.class).getResultList();
  }

  /** Sets the rate of a year, or changes it; every member's dues of that year follow. */
  public RateChange setRate(DuesYear year, RateTerms terms, Caller admin) {
    Optional<DuesRate> existing = rate(year);
    if (existing.isPresent()) {
      DuesRate rate = existing.get();
      Map<String, Object> before = rate.auditState();
      rate.change(terms, admin, now());
      audit.record(
          admin, "dues.rate.changed", "dues_rate", year.toString(), before, rate.auditState());
      return new RateChange(rate, false);
    }
    DuesRate rate = new DuesRate(year, terms, admin, now());
    em.persist(rate);
    UniqueKeys.flush(
        em,
        () ->
            Refusal.conflict(
                "Another admin set the rate of "
                    + year
                    + " at the same moment; reload and check it.",
                "year",
                "dues.error.setConcurrently"));
    audit.record(admin, "dues.rate.set", "dues_rate", year.toString(), null, rate.auditState());
    return new RateChange(rate, true);
  }

  /**
   * Records a payment of a member's dues of a year. The year needs its rate, and the municipality
   * must owe that year's dues (see {@link DuesYear#owedBy}).
   */
  public DuesPayment recordPayment(
      DuesYear year,
      MunicipalityCode code,
      BigDecimal amount,
      LocalDate paidOn,
      String note,
      Caller admin) {
    requireRate(year);
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<Membership> membership =
        memberships.find(code).filter(m -> year.owedBy(m.status(), m.since(), m.until()));
    if (membership.isEmpty()) {
      errors.put("code", "dues.error.notMember");
    }
    PaymentTerms terms = null;
    try {
      terms = PaymentTerms.of(amount, paidOn, note, today());
    } catch (InvalidDuesException e) {
      errors.putAll(e.errors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidDuesException(errors);
    }
    DuesPayment payment = new DuesPayment(membership.get().id(), year, terms, admin, now());
    em.persist(payment);
    audit.record(
        admin,
        "dues.payment.recorded",
        "dues_payment",
        payment.id().toString(),
        null,
        payment.auditState(code));
    return payment;
  }

  /** Cancels a payment recorded by mistake; it stays in the history, marked as cancelled. */
  public DuesPayment cancelPayment(DuesYear year, UUID id, String reason, Caller admin) {
    // Locked, so that of two admins cancelling at once the second is told it is done already.
    DuesPayment payment = em.find(DuesPayment.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (payment == null || !payment.year().equals(year)) {
      throw Refusal.notFound("No payment " + id + " of the dues of " + year + " here.");
    }
    MunicipalityCode code = em.find(Membership.class, payment.membershipId()).municipality();
    Map<String, Object> before = payment.auditState(code);
    payment.cancel(reason, admin, now());
    audit.record(
        admin,
        "dues.payment.cancelled",
        "dues_payment",
        id.toString(),
        before,
        payment.auditState(code));
    return payment;
  }

  /** Today where the association is, the latest day a payment can have been made. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(LOCAL_TIME));
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
