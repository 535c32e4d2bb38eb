package eu.municipia.membership.entity;

import eu.municipia.identity.entity.Caller;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.entity.Dates;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A municipality's application to join, sent from the public "Join us" page. It counts once the
 * applicant has confirmed the e-mail address (until then it is UNCONFIRMED, and unconfirmed ones
 * are deleted after a week). The admin approves it (the municipality becomes a member) or rejects
 * it with a reason; either way once.
 */
@Entity
@Table(name = "membership_application")
@NamedQuery(
    name = MembershipApplication.BY_STATUS,
    query =
        "SELECT a FROM MembershipApplication a WHERE a.status IN :statuses"
            + " ORDER BY a.submittedAt DESC, a.id")
@NamedQuery(
    name = MembershipApplication.BY_EMAIL,
    query =
        "SELECT a FROM MembershipApplication a WHERE LOWER(a.applicantEmail) = :email"
            + " ORDER BY a.submittedAt")
@NamedQuery(
    name = MembershipApplication.UNCONFIRMED_BEFORE,
    query =
        "DELETE FROM MembershipApplication a"
            + " WHERE a.status = eu.municipia.membership.entity.ApplicationStatus.UNCONFIRMED"
            + " AND a.submittedAt < :before")
public class MembershipApplication extends TenantOwned {

  public static final String BY_STATUS = "MembershipApplication.byStatus";
  public static final String UNCONFIRMED_BEFORE = "MembershipApplication.unconfirmedBefore";
  public static final String BY_EMAIL = "MembershipApplication.byEmail";

  /** What the applicant tells about themselves and their municipality. */
  public record Applicant(String name, String role, String email, String phone, String message) {}

  @Id private UUID id;

  @Column(nullable = false)
  private String country;

  @Column(nullable = false)
  private String code;

  @Column(name = "applicant_name")
  private String applicantName;

  @Column(name = "applicant_role")
  private String applicantRole;

  @Column(name = "applicant_email")
  private String applicantEmail;

  @Column(name = "applicant_phone")
  private String applicantPhone;

  private String message;

  @Column(nullable = false)
  private String language;

  @Column(name = "consent_at", nullable = false)
  private Instant consentAt;

  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ApplicationStatus status;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_by_name")
  private String decidedByName;

  @Column(name = "decision_reason")
  private String decisionReason;

  @Column(name = "member_since")
  private LocalDate memberSince;

  protected MembershipApplication() {}

  /** Consent is given with the submission itself: the form cannot be sent without it. */
  public MembershipApplication(
      MunicipalityCode municipality, Applicant applicant, String language, Instant now) {
    Objects.requireNonNull(municipality, "municipality is required");
    Objects.requireNonNull(applicant, "applicant is required");
    this.id = UUID.randomUUID();
    this.country = municipality.country();
    this.code = municipality.code();
    this.applicantName = applicant.name();
    this.applicantRole = applicant.role();
    this.applicantEmail = applicant.email();
    this.applicantPhone = applicant.phone();
    this.message = applicant.message();
    this.language = "en".equals(language) ? "en" : "cs";
    this.consentAt = now;
    this.submittedAt = now;
    this.status = ApplicationStatus.UNCONFIRMED;
  }

  /** The applicant opened the link sent to their address: now the application counts. */
  public void confirm(Instant now) {
    if (status != ApplicationStatus.UNCONFIRMED) {
      throw new ApplicationDecidedException(status);
    }
    this.status = ApplicationStatus.SUBMITTED;
    this.confirmedAt = now;
  }

  /** Approves; the caller then makes the municipality a member from {@code since}. */
  public void approve(LocalDate since, Caller admin, Instant now) {
    Dates.requirePlausible("since", Objects.requireNonNull(since, "since is required"));
    decide(ApplicationStatus.APPROVED, null, admin, now);
    this.memberSince = since;
  }

  public void reject(String reason, Caller admin, Instant now) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("A rejection needs a reason.");
    }
    decide(ApplicationStatus.REJECTED, reason.trim(), admin, now);
  }

  private void decide(ApplicationStatus to, String reason, Caller admin, Instant now) {
    if (status != ApplicationStatus.SUBMITTED) {
      throw new ApplicationDecidedException(status);
    }
    this.status = to;
    this.decisionReason = reason;
    this.decidedAt = now;
    this.decidedBy = admin.subject();
    this.decidedByName = admin.displayName();
  }

  /** Forgets who applied (GDPR); the municipality, the dates and the decision stay. */
  public void eraseApplicant() {
    this.applicantName = null;
    this.applicantRole = null;
    this.applicantEmail = null;
    this.applicantPhone = null;
    this.message = null;
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("municipality", country + "-" + code);
    state.put("status", status.name());
    state.put("reason", decisionReason);
    state.put("memberSince", memberSince == null ? null : memberSince.toString());
    return state;
  }

  public UUID getId() {
    return id;
  }

  public MunicipalityCode municipality() {
    return new MunicipalityCode(country, code);
  }

  public String getCode() {
    return code;
  }

  public String getApplicantName() {
    return applicantName;
  }

  public String getApplicantRole() {
    return applicantRole;
  }

  public String getApplicantEmail() {
    return applicantEmail;
  }

  public String getApplicantPhone() {
    return applicantPhone;
  }

  public String getMessage() {
    return message;
  }

  public String getLanguage() {
    return language;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecidedByName() {
    return decidedByName;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public LocalDate getMemberSince() {
    return memberSince;
  }
}
