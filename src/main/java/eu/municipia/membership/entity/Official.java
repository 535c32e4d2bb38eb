package eu.municipia.membership.entity;

import eu.municipia.platform.entity.Dates;
import eu.municipia.platform.entity.EmailAddress;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An official or contact person of a member municipality, with role and term. Erasure (GDPR) keeps
 * the role and the term, which are part of the membership's history, and forgets the person.
 */
@Entity
@Table(name = "official")
@NamedQuery(
    name = Official.OF_MEMBERSHIP,
    query =
        "SELECT o FROM Official o WHERE o.membershipId = :membership"
            + " ORDER BY o.role, o.termFrom DESC, o.createdAt")
@NamedQuery(
    name = Official.BY_EMAIL,
    query = "SELECT o FROM Official o WHERE LOWER(o.email) = :email ORDER BY o.createdAt")
public class Official extends TenantOwned {

  public static final String OF_MEMBERSHIP = "Official.ofMembership";
  public static final String BY_EMAIL = "Official.byEmail";

  /** The details an admin gives; validated by {@link #errors()}. */
  public record Details(
      OfficialRole role,
      String name,
      String email,
      String phone,
      LocalDate termFrom,
      LocalDate termTo) {

    /** Field name to message; empty when the details can be taken. */
    public Map<String, String> errors() {
      Map<String, String> errors = new LinkedHashMap<>();
      if (role == null) {
        errors.put(
            "role", "role must be one of " + java.util.Arrays.toString(OfficialRole.values()));
      }
      if (name == null || name.isBlank() || name.trim().length() > 200) {
        errors.put("name", "name is required (at most 200 characters).");
      }
      if (email != null && !email.isBlank() && !EmailAddress.isValid(email)) {
        errors.put("email", "email is not an e-mail address.");
      }
      if (phone != null && !phone.isBlank() && !phone.trim().matches("\\+?[0-9 ()/-]{6,25}")) {
        errors.put("phone", "phone may hold digits, spaces and a leading +.");
      }
      if (!Dates.plausible(termFrom)) {
        errors.put("termFrom", "the term must begin between 1900 and 2100.");
      }
      if (!Dates.plausible(termTo)) {
        errors.put("termTo", "the term must end between 1900 and 2100.");
      } else if (termFrom != null && termTo != null && termTo.isBefore(termFrom)) {
        errors.put("termTo", "the term cannot end before it begins.");
      }
      return errors;
    }
  }

  @Id private UUID id;

  @Column(name = "membership_id", nullable = false)
  private UUID membershipId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OfficialRole role;

  private String name;
  private String email;
  private String phone;

  @Column(name = "term_from")
  private LocalDate termFrom;

  @Column(name = "term_to")
  private LocalDate termTo;

  @Column(name = "login_subject")
  private String loginSubject;

  @Column(name = "invited_at")
  private Instant invitedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "erased_at")
  private Instant erasedAt;

  protected Official() {}

  public Official(UUID membershipId, Details details, Instant now) {
    this.id = UUID.randomUUID();
    this.membershipId = Objects.requireNonNull(membershipId, "membership is required");
    this.createdAt = now;
    change(details);
  }

  public void change(Details details) {
    if (erasedAt != null) {
      throw new IllegalStateException("An erased official cannot be changed.");
    }
    if (!details.errors().isEmpty()) {
      throw new IllegalArgumentException(details.errors().toString());
    }
    this.role = details.role();
    this.name = details.name().trim();
    this.email = blankToNull(details.email());
    if (this.email != null) {
      this.email = this.email.toLowerCase(Locale.ROOT);
    }
    this.phone = blankToNull(details.phone());
    this.termFrom = details.termFrom();
    this.termTo = details.termTo();
  }

  /** Whether the official holds the role on that day. */
  public boolean isCurrent(LocalDate day) {
    return erasedAt == null
        && (termFrom == null || !day.isBefore(termFrom))
        && (termTo == null || !day.isAfter(termTo));
  }

  public boolean canBeInvited() {
    return erasedAt == null && email != null;
  }

  /** Invited, and the login is theirs at once (a new account, or one of the association's). */
  public void invited(String subject, Instant now) {
    this.loginSubject = subject;
    this.invitedAt = now;
  }

  /** Invited by a link that the owner of an existing login has yet to accept. */
  public void invitationSent(Instant now) {
    this.invitedAt = now;
  }

  /** The owner of the invited login accepted: it is this official's from now on. */
  public void loginAccepted(String subject) {
    if (erasedAt == null) {
      this.loginSubject = subject;
    }
  }

  /** Forgets the person; the role and the term stay. */
  public void erase(Instant now) {
    this.name = null;
    this.email = null;
    this.phone = null;
    this.loginSubject = null;
    this.erasedAt = now;
  }

  /** What the audit log keeps: no personal data, so erasure need not rewrite the log. */
  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("official", id.toString());
    state.put("role", role.name());
    state.put("termFrom", termFrom == null ? null : termFrom.toString());
    state.put("termTo", termTo == null ? null : termTo.toString());
    state.put("invited", invitedAt != null);
    state.put("erased", erasedAt != null);
    return state;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  public UUID getId() {
    return id;
  }

  public UUID getMembershipId() {
    return membershipId;
  }

  public OfficialRole getRole() {
    return role;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public LocalDate getTermFrom() {
    return termFrom;
  }

  public LocalDate getTermTo() {
    return termTo;
  }

  public String getLoginSubject() {
    return loginSubject;
  }

  public Instant getInvitedAt() {
    return invitedAt;
  }

  public Instant getErasedAt() {
    return erasedAt;
  }
}
