package eu.municipia.seminars.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A link that opens a registration (or one person's ticket) without a login. Every e-mail carries a
 * fresh one; each works while the registration lives. Only the token's hash is stored.
 */
@Entity
@Table(name = "seminar_link")
@NamedQuery(
    name = PersonalLink.BY_HASH,
    query = "SELECT l FROM PersonalLink l WHERE l.tokenHash = :hash")
@NamedQuery(
    name = PersonalLink.DELETE_OF_REGISTRATION,
    query = "DELETE FROM PersonalLink l WHERE l.registrationId = :registration")
public class PersonalLink extends TenantOwned {

  public static final String BY_HASH = "PersonalLink.byHash";
  public static final String DELETE_OF_REGISTRATION = "PersonalLink.deleteOfRegistration";

  @Id private UUID id;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "registration_id", nullable = false)
  private UUID registrationId;

  // Nullable uuid: the converter (declared once, on Membership) binds a null PostgreSQL takes.
  @Column(name = "participant_id")
  @org.eclipse.persistence.annotations.Convert(
      eu.municipia.platform.entity.NullableUuidConverter.NAME)
  private UUID participantId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected PersonalLink() {}

  /**
   * @param participantId the person whose ticket it opens, or null for the whole registration
   */
  public PersonalLink(String tokenHash, UUID registrationId, UUID participantId, Instant now) {
    this.id = UUID.randomUUID();
    this.tokenHash = Objects.requireNonNull(tokenHash, "token hash is required");
    this.registrationId = Objects.requireNonNull(registrationId, "registration is required");
    this.participantId = participantId;
    this.createdAt = now;
  }

  public UUID registrationId() {
    return registrationId;
  }

  /** The person whose ticket the link opens; null for a link to the whole registration. */
  public UUID participantId() {
    return participantId;
  }
}
