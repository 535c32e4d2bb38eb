package eu.municipia.identity.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation of one existing Keycloak account into this association with a role. It is the
 * owner's consent that attaches the account: the link (a random token, kept here only as its
 * SHA-256 hash) goes to the account's verified address, and only a login as that very account
 * (issuer and subject) may accept it, once, before it expires. A newer invitation for the same
 * purpose withdraws the older one.
 */
@Entity
@Table(name = "invitation")
@NamedQuery(
    name = Invitation.BY_HASH,
    query = "SELECT i FROM Invitation i WHERE i.tokenHash = :hash")
@NamedQuery(
    name = Invitation.OPEN_FOR,
    query =
        "SELECT i FROM Invitation i WHERE i.reference = :reference"
            + " AND i.acceptedAt IS NULL AND i.withdrawnAt IS NULL")
@NamedQuery(
    name = Invitation.BY_EMAIL,
    query = "SELECT i FROM Invitation i WHERE LOWER(i.email) = :email")
public class Invitation extends TenantOwned {

  public static final String BY_HASH = "Invitation.byHash";
  public static final String OPEN_FOR = "Invitation.openFor";
  public static final String BY_EMAIL = "Invitation.byEmail";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where an invitation stands; only a pending one can be accepted. */
  public enum Status {
    PENDING,
    EXPIRED,
    ACCEPTED,
    WITHDRAWN
  }

  /** A new invitation and the token of its link, which exists nowhere else once mailed. */
  public record Issued(Invitation invitation, String token) {}

  @Id private UUID id;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  private String email;

  @Column(nullable = false)
  private String issuer;

  @Column(nullable = false)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  private String reference;

  @Column(name = "invited_by", nullable = false)
  private String invitedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  protected Invitation() {}

  private Invitation(
      String tokenHash,
      String email,
      String issuer,
      String subject,
      Role role,
      String reference,
      Caller invitedBy,
      Instant now,
      Duration lifespan) {
    this.id = UUID.randomUUID();
    this.tokenHash = tokenHash;
    this.email = requireText(email, "email");
    this.issuer = requireText(issuer, "issuer");
    this.subject = requireText(subject, "subject");
    this.role = Objects.requireNonNull(role, "role is required");
    this.reference = reference;
    this.invitedBy = Objects.requireNonNull(invitedBy, "inviter is required").subject();
    this.createdAt = Objects.requireNonNull(now, "now is required");
    if (lifespan.isNegative() || lifespan.isZero()) {
      throw new IllegalArgumentException("An invitation must be valid for some time.");
    }
    this.expiresAt = now.plus(lifespan);
  }

  /**
   * Invites the account {@code issuer}/{@code subject}, whose verified address is {@code email}, to
   * take {@code role} here; {@code reference} says what for (e.g. {@code official:<id>}).
   */
  public static Issued issue(
      String email,
      String issuer,
      String subject,
      Role role,
      String reference,
      Caller invitedBy,
      Instant now,
      Duration lifespan) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    return new Issued(
        new Invitation(
            hash(token), email, issuer, subject, role, reference, invitedBy, now, lifespan),
        token);
  }

  /** The hash under which a token is kept and looked up (SHA-256, hex). */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  public Status status(Instant now) {
    if (acceptedAt != null) {
      return Status.ACCEPTED;
    }
    if (withdrawnAt != null) {
      return Status.WITHDRAWN;
    }
    return now.isBefore(expiresAt) ? Status.PENDING : Status.EXPIRED;
  }

  /** Whether this login is the account invited. */
  public boolean isFor(Caller caller) {
    return caller != null && issuer.equals(caller.issuer()) && subject.equals(caller.subject());
  }

  /** The owner of the account accepts; anyone else, or too late, or a second time, is refused. */
  public void accept(Caller caller, Instant now) {
    Status status = status(now);
    if (status != Status.PENDING) {
      throw new InvitationRefusedException(InvitationRefusedException.Reason.of(status));
    }
    if (!isFor(caller)) {
      throw new InvitationRefusedException(InvitationRefusedException.Reason.OTHER_ACCOUNT);
    }
    this.acceptedAt = now;
  }

  /** A newer invitation for the same purpose replaces this one. */
  public void withdraw(Instant now) {
    if (acceptedAt == null && withdrawnAt == null) {
      this.withdrawnAt = now;
    }
  }

  /** Forgets the address (GDPR); the account id stays as a pseudonym, as a person's does. */
  public void erase() {
    this.email = null;
  }

  /** What the audit log keeps: no address, no token. */
  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("invitation", id.toString());
    state.put("subject", subject);
    state.put("role", role.roleName());
    state.put("reference", reference);
    state.put("expiresAt", expiresAt.toString());
    state.put("accepted", acceptedAt != null);
    return state;
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String issuer() {
    return issuer;
  }

  public String subject() {
    return subject;
  }

  public Role role() {
    return role;
  }

  public String reference() {
    return reference;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant acceptedAt() {
    return acceptedAt;
  }
}
