package eu.municipia.seminars.entity;

import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One person of a {@link Registration}: name, e-mail, role, the code of their ticket (shown as a QR
 * code, read at check-in), and after check-in the code of their certificate of attendance. Erasure
 * (GDPR) forgets the person and keeps that a place was taken and attended.
 */
@Entity
@Table(name = "seminar_participant")
@NamedQuery(
    name = Participant.ACTIVE_WITH_EMAIL,
    query =
        "SELECT p FROM Participant p WHERE p.seminarId = :seminar AND p.active = TRUE"
            + " AND p.email IN :emails")
@NamedQuery(
    name = Participant.BY_CHECKIN_CODE,
    query = "SELECT p FROM Participant p WHERE p.checkinCode = :code")
@NamedQuery(
    name = Participant.BY_CERTIFICATE,
    query = "SELECT p FROM Participant p WHERE p.certificateCode = :code")
@NamedQuery(
    name = Participant.BY_EMAIL,
    query = "SELECT p FROM Participant p WHERE p.email = :email ORDER BY p.seminarId")
@NamedQuery(
    name = Participant.OF_SEMINAR,
    query =
        "SELECT p FROM Participant p WHERE p.seminarId = :seminar"
            + " AND p.registration.status IN :statuses ORDER BY p.registration.number, p.position")
public class Participant extends TenantOwned {

  public static final String ACTIVE_WITH_EMAIL = "Participant.activeWithEmail";
  public static final String BY_CHECKIN_CODE = "Participant.byCheckinCode";
  public static final String BY_CERTIFICATE = "Participant.byCertificate";
  public static final String BY_EMAIL = "Participant.byEmail";
  public static final String OF_SEMINAR = "Participant.ofSeminar";

  /** Letters and digits that cannot be mistaken for each other (no I, L, O, U). */
  private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A person as registered: name, e-mail address and role (e.g. "starosta", optional). */
  public record Person(String name, String email, String role) {
    public Person {
      Objects.requireNonNull(name, "name is required");
      Objects.requireNonNull(email, "email is required");
      name = name.trim();
      email = email.trim().toLowerCase(Locale.ROOT);
      role = role == null || role.isBlank() ? null : role.trim();
    }
  }

  @Id private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "registration_id", nullable = false)
  private Registration registration;

  @Column(name = "seminar_id", nullable = false)
  private UUID seminarId;

  private int position;
  private String name;
  private String email;
  private String role;
  private boolean active;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "checkin_code", nullable = false)
  private String checkinCode;

  @Column(name = "checked_in_at")
  private Instant checkedInAt;

  @Column(name = "checked_in_by")
  private String checkedInBy;

  @Column(name = "certificate_code")
  private String certificateCode;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  @Column(name = "erased_at")
  private Instant erasedAt;

  protected Participant() {}

  Participant(Registration registration, int position, Person person) {
    this.id = UUID.randomUUID();
    this.registration = registration;
    this.seminarId = registration.seminarId();
    this.position = position;
    this.name = person.name();
    this.email = person.email();
    this.role = person.role();
    this.checkinCode = code(8);
  }

  void activate() {
    if (cancelledAt == null && erasedAt == null) {
      active = true;
    }
  }

  void deactivate() {
    active = false;
  }

  void cancel(Instant now) {
    active = false;
    cancelledAt = now;
  }

  /** Changes the person's name or role (a typo, a new title); the e-mail stays theirs. */
  public void rename(String newName, String newRole) {
    if (erasedAt != null) {
      throw new IllegalStateException("An erased person cannot be changed.");
    }
    this.name = Objects.requireNonNull(newName, "name is required").trim();
    this.role = newRole == null || newRole.isBlank() ? null : newRole.trim();
  }

  /**
   * Checks the person in (answers false when they were checked in already, which changes nothing):
   * only people whose registration is confirmed; the certificate's code is made now.
   */
  public boolean checkIn(String by, Instant now) {
    if (registration.status() != RegistrationStatus.CONFIRMED || !active) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "Only a confirmed person can be checked in.",
          Map.of("code", "seminar.error.notConfirmed"));
    }
    if (checkedInAt != null) {
      return false;
    }
    this.checkedInAt = now;
    this.checkedInBy = by;
    this.certificateCode = code(16);
    return true;
  }

  public void reminded(Instant now) {
    this.remindedAt = now;
  }

  /** Forgets the person; the place taken and the attendance stay for the figures. */
  public void erase(Instant now) {
    this.name = null;
    this.email = null;
    this.role = null;
    this.erasedAt = now;
  }

  private static String code(int length) {
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    return code.toString();
  }

  public UUID id() {
    return id;
  }

  public Registration registration() {
    return registration;
  }

  public UUID seminarId() {
    return seminarId;
  }

  public int position() {
    return position;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public String role() {
    return role;
  }

  public boolean isActive() {
    return active;
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }

  public String checkinCode() {
    return checkinCode;
  }

  public Instant checkedInAt() {
    return checkedInAt;
  }

  public String checkedInBy() {
    return checkedInBy;
  }

  public String certificateCode() {
    return certificateCode;
  }

  public Instant remindedAt() {
    return remindedAt;
  }

  public Instant erasedAt() {
    return erasedAt;
  }
}
