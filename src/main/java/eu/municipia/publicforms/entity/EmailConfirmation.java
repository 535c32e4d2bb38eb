package eu.municipia.publicforms.entity;

import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A link sent to an e-mail address to prove that the sender of a public form reads it: for one
 * purpose ("application", "registration"…) and one thing (the target), once, until it expires. Only
 * a hash of its token is stored, so the table does not hold working links.
 */
@Entity
@Table(name = "email_confirmation")
@NamedQuery(
    name = EmailConfirmation.BY_HASH,
    query = "SELECT c FROM EmailConfirmation c WHERE c.tokenHash = :hash AND c.purpose = :purpose")
public class EmailConfirmation extends TenantOwned {

  public static final String BY_HASH = "EmailConfirmation.byHash";

  @Id private UUID id;

  @Column(nullable = false)
  private String purpose;

  @Column(name = "target_id", nullable = false)
  private UUID targetId;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected EmailConfirmation() {}

  public EmailConfirmation(
      String purpose, UUID targetId, String tokenHash, Instant now, Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.purpose = Objects.requireNonNull(purpose, "purpose is required");
    this.targetId = Objects.requireNonNull(targetId, "target is required");
    this.tokenHash = Objects.requireNonNull(tokenHash, "token hash is required");
    this.createdAt = Objects.requireNonNull(now, "now is required");
    if (!expiresAt.isAfter(now)) {
      throw new IllegalArgumentException("A confirmation expires after it is made.");
    }
    this.expiresAt = expiresAt;
  }

  /** Uses the link: once, and only before it expires. Answers the confirmed target. */
  public UUID use(Instant now) {
    if (usedAt != null) {
      throw new Refusal(
          Refusal.Kind.GONE,
          "This confirmation link was used already.",
          Map.of("token", "confirmation.error.used"));
    }
    if (!now.isBefore(expiresAt)) {
      throw new Refusal(
          Refusal.Kind.GONE,
          "This confirmation link has expired.",
          Map.of("token", "confirmation.error.expired"));
    }
    usedAt = now;
    return targetId;
  }

  public UUID targetId() {
    return targetId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
