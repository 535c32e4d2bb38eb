package eu.municipia.newsletter.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A message that came back: from the provider's webhook or the bounce mailbox. */
@Entity
@Table(name = "newsletter_bounce")
public class Bounce extends TenantOwned {

  /** A hard bounce or a complaint suppresses the address; a soft one is only recorded. */
  public enum Kind {
    HARD,
    SOFT,
    COMPLAINT;

    public boolean suppresses() {
      return this != SOFT;
    }
  }

  public enum Source {
    WEBHOOK,
    MAILBOX
  }

  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private String reason;

  @Column(name = "message_id")
  @org.eclipse.persistence.annotations.Convert(
      eu.municipia.platform.entity.NullableUuidConverter.NAME)
  private UUID messageId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Source source;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected Bounce() {}

  public Bounce(
      String email, Kind kind, String reason, UUID messageId, Source source, Instant now) {
    this.id = UUID.randomUUID();
    this.email =
        Objects.requireNonNull(email, "email is required").toLowerCase(java.util.Locale.ROOT);
    this.kind = Objects.requireNonNull(kind, "kind is required");
    String why =
        reason == null || reason.isBlank()
            ? kind.name().toLowerCase(java.util.Locale.ROOT)
            : reason.trim();
    this.reason = why.length() > 500 ? why.substring(0, 500) : why;
    this.messageId = messageId;
    this.source = source;
    this.receivedAt = now;
  }

  public String email() {
    return email;
  }

  public Kind kind() {
    return kind;
  }

  public String reason() {
    return reason;
  }
}
