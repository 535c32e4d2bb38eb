package eu.municipia.newsletter.entity;

import eu.municipia.platform.entity.EmailAddress;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.platform.entity.SecretTokens;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One address on the newsletter's list, and how it got there and off it: a member official is on it
 * from the start (and may leave); a member of the public is on it once they confirm their address
 * (double opt-in); anyone leaves with one click; a hard bounce or a complaint suppresses the
 * address with the reason, which the editors see. An address that left is not put back on unless
 * its owner asks.
 */
@Entity
@Table(name = "newsletter_subscriber")
@NamedQuery(name = Subscriber.BY_EMAIL, query = "SELECT s FROM Subscriber s WHERE s.email = :email")
@NamedQuery(name = Subscriber.BY_TOKEN, query = "SELECT s FROM Subscriber s WHERE s.token = :token")
@NamedQuery(
    name = Subscriber.ACTIVE,
    query = "SELECT s FROM Subscriber s WHERE s.status = :status ORDER BY s.email")
@NamedQuery(name = Subscriber.ALL, query = "SELECT s FROM Subscriber s ORDER BY s.email")
@NamedQuery(name = Subscriber.COUNT_ALL, query = "SELECT COUNT(s) FROM Subscriber s")
public class Subscriber extends TenantOwned {

  public static final String BY_EMAIL = "Subscriber.byEmail";
  public static final String BY_TOKEN = "Subscriber.byToken";
  public static final String ACTIVE = "Subscriber.active";
  public static final String ALL = "Subscriber.all";
  public static final String COUNT_ALL = "Subscriber.countAll";

  /** How the address came onto the list. */
  public enum Source {
    OFFICIAL,
    PUBLIC
  }

  public enum Status {
    /** Waiting for its owner to confirm the address. */
    PENDING,
    ACTIVE,
    UNSUBSCRIBED,
    SUPPRESSED
  }

  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  private String name;

  @Column(nullable = false)
  private String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Source source;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private String token;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "consent_at")
  private Instant consentAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "unsubscribed_at")
  private Instant unsubscribedAt;

  @Column(name = "suppressed_at")
  private Instant suppressedAt;

  @Column(name = "suppression_reason")
  private String suppressionReason;

  protected Subscriber() {}

  private Subscriber(
      EmailAddress email, String name, String language, Source source, Status status, Instant now) {
    this.id = UUID.randomUUID();
    this.email = email.normalized();
    this.name = name == null || name.isBlank() ? null : name.trim();
    this.language = "en".equals(language) ? "en" : "cs";
    this.source = source;
    this.status = status;
    this.token = SecretTokens.newToken();
    this.createdAt = now;
  }

  /** A member official: on the list from the start. */
  public static Subscriber official(EmailAddress email, String name, Instant now) {
    Subscriber s = new Subscriber(email, name, "cs", Source.OFFICIAL, Status.ACTIVE, now);
    s.confirmedAt = now;
    return s;
  }

  /** A member of the public who asked and consented: on the list once they confirm. */
  public static Subscriber signUp(EmailAddress email, String name, String language, Instant now) {
    Subscriber s = new Subscriber(email, name, language, Source.PUBLIC, Status.PENDING, now);
    s.consentAt = now;
    return s;
  }

  /** The owner confirmed the address (again): on the list, unless the address is suppressed. */
  public void confirm(Instant now) {
    if (status == Status.SUPPRESSED) {
      throw Refusal.conflict(
          "This address is suppressed: mail to it bounced.",
          "email",
          "newsletter.error.suppressed");
    }
    status = Status.ACTIVE;
    confirmedAt = now;
    unsubscribedAt = null;
  }

  /** A public sign-up again (a new consent); confirmation follows by e-mail. */
  public void signUpAgain(String language, Instant now) {
    consentAt = now;
    this.language = "en".equals(language) ? "en" : "cs";
  }

  /** Off the list at once; answers whether it was on it. */
  public boolean unsubscribe(Instant now) {
    if (status == Status.UNSUBSCRIBED || status == Status.SUPPRESSED) {
      return false;
    }
    status = Status.UNSUBSCRIBED;
    unsubscribedAt = now;
    return true;
  }

  /** Mail to the address cannot be delivered (or its owner complained): never mailed again. */
  public void suppress(String reason, Instant now) {
    status = Status.SUPPRESSED;
    suppressedAt = now;
    suppressionReason = Objects.requireNonNull(reason, "reason is required");
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("email", email);
    state.put("source", source.name());
    state.put("status", status.name());
    state.put("suppressionReason", suppressionReason);
    return state;
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public String language() {
    return language;
  }

  public Source source() {
    return source;
  }

  public Status status() {
    return status;
  }

  public String token() {
    return token;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant suppressedAt() {
    return suppressedAt;
  }

  public String suppressionReason() {
    return suppressionReason;
  }
}
