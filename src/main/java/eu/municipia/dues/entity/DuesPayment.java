package eu.municipia.dues.entity;

import eu.municipia.identity.entity.Caller;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A payment of a member's dues of one year, as the admin recorded it. Never deleted: one recorded
 * by mistake is cancelled, once, and stays with who cancelled it, when and why.
 */
@Entity
@Table(name = "dues_payment")
public class DuesPayment extends TenantOwned {

  public static final int REASON_LENGTH = 500;

  @Id private UUID id;

  @Column(name = "membership_id", nullable = false)
  private UUID membershipId;

  @Column(nullable = false)
  private int year;

  @Column(nullable = false)
  private BigDecimal amount;

  @Column(name = "paid_on", nullable = false)
  private LocalDate paidOn;

  private String note;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  private String recordedBy;

  @Column(name = "recorded_by_name")
  private String recordedByName;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancelled_by")
  private String cancelledBy;

  @Column(name = "cancelled_by_name")
  private String cancelledByName;

  @Column(name = "cancel_reason")
  private String cancelReason;

  protected DuesPayment() {}

  public DuesPayment(
      UUID membershipId, DuesYear year, PaymentTerms terms, Caller actor, Instant now) {
    this.id = UUID.randomUUID();
    this.membershipId = Objects.requireNonNull(membershipId, "membership is required");
    this.year = year.value();
    this.amount = terms.amount();
    this.paidOn = terms.paidOn();
    this.note = terms.note();
    this.recordedAt = Objects.requireNonNull(now, "now is required");
    this.recordedBy = actor.subject();
    this.recordedByName = actor.displayName();
  }

  /** Takes the payment back (recorded by mistake); it stays, marked as cancelled. */
  public void cancel(String reason, Caller actor, Instant now) {
    if (cancelledAt != null) {
      throw new PaymentCancelledException(
          "The payment was already cancelled (" + cancelledAt + ", " + cancelledByName + ").");
    }
    String why = reason == null || reason.isBlank() ? null : reason.trim();
    if (why != null && why.length() > REASON_LENGTH) {
      throw new InvalidDuesException("reason", "dues.error.tooLong");
    }
    this.cancelledAt = Objects.requireNonNull(now, "now is required");
    this.cancelledBy = actor.subject();
    this.cancelledByName = actor.displayName();
    this.cancelReason = why;
  }

  public Map<String, Object> auditState(MunicipalityCode municipality) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("municipality", municipality.toString());
    state.put("year", year);
    state.put("amount", amount.toPlainString());
    state.put("paidOn", paidOn.toString());
    state.put("note", note);
    state.put("cancelled", cancelledAt != null);
    state.put("cancelReason", cancelReason);
    return state;
  }

  public UUID id() {
    return id;
  }

  public UUID membershipId() {
    return membershipId;
  }

  public DuesYear year() {
    return new DuesYear(year);
  }

  public BigDecimal amount() {
    return amount;
  }

  public boolean isCancelled() {
    return cancelledAt != null;
  }
}
