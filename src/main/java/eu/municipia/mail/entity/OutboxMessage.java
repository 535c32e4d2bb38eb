package eu.municipia.mail.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One e-mail waiting to be sent, or sent. It decides its own retries: the wait doubles from 10
 * seconds up to an hour, and after {@link #MAX_ATTEMPTS} failures (about two days) it gives up and
 * is marked failed, so a wrong address does not retry forever.
 */
@Entity
@Table(name = "outbox_message")
@jakarta.persistence.NamedQuery(
    name = OutboxMessage.TO,
    query = "SELECT m FROM OutboxMessage m WHERE LOWER(m.recipient) = :email ORDER BY m.createdAt")
public class OutboxMessage extends TenantOwned {

  public static final String TO = "OutboxMessage.to";
  public static final int MAX_ATTEMPTS = 50;
  static final Duration FIRST_WAIT = Duration.ofSeconds(10);
  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  @Id private UUID id;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "failed_at")
  private Instant failedAt;

  @Column(name = "last_error")
  private String lastError;

  /** The shared text (subject, body, HTML, headers) this message fills in, if any. */
  @Column(name = "content_id")
  @org.eclipse.persistence.annotations.Convert(
      eu.municipia.platform.entity.NullableUuidConverter.NAME)
  private UUID contentId;

  /** This message's values for the shared text's placeholders (JSON object of strings). */
  private String variables;

  /** Until when a worker holds the message (it claimed it and is sending it). */
  @Column(name = "claimed_until")
  private Instant claimedUntil;

  /** The send (a newsletter issue) this message belongs to, if any. */
  @Column(name = "batch_id")
  @org.eclipse.persistence.annotations.Convert(
      eu.municipia.platform.entity.NullableUuidConverter.NAME)
  private UUID batchId;

  protected OutboxMessage() {}

  public OutboxMessage(String recipient, String subject, String body, Instant now) {
    this(UUID.randomUUID(), recipient, subject, body, now);
  }

  private OutboxMessage(UUID id, String recipient, String subject, String body, Instant now) {
    this.id = id;
    this.recipient = requireText(recipient, "recipient");
    this.subject = requireText(subject, "subject");
    this.body = Objects.requireNonNull(body, "body is required");
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  public void sent(Instant now) {
    sentAt = now;
    lastError = null;
  }

  /** Gives the message up before it is sent (its recipient unsubscribed meanwhile). */
  public void cancel(String why, Instant now) {
    if (isPending()) {
      failedAt = now;
      lastError = why;
    }
  }

  /** Records a failed attempt and when to try again; after the last one, gives up. */
  public void attemptFailed(String error, Instant now) {
    claimedUntil = null;
    attempts++;
    lastError = error == null ? "unknown error" : abbreviate(error);
    if (attempts >= MAX_ATTEMPTS) {
      failedAt = now;
    } else {
      nextAttemptAt = now.plus(waitAfter(attempts));
    }
  }

  /**
   * Forgets the recipient and the text (GDPR): the row stays as a record that a message was sent
   * when; one not yet sent is given up.
   */
  public void erase(Instant now) {
    recipient = "erased@invalid";
    subject = "(erased)";
    body = "";
    variables = null;
    if (isPending()) {
      failedAt = now;
      lastError = "erased before it was sent";
    }
  }

  static Duration waitAfter(int attempts) {
    Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(attempts - 1, 20));
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  public boolean isPending() {
    return sentAt == null && failedAt == null;
  }

  public UUID id() {
    return id;
  }

  public String recipient() {
    return recipient;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public int attempts() {
    return attempts;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public String lastError() {
    return lastError;
  }

  public UUID contentId() {
    return contentId;
  }

  public String variables() {
    return variables;
  }

  public UUID batchId() {
    return batchId;
  }

  public Instant failedAt() {
    return failedAt;
  }

  private static String abbreviate(String text) {
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
