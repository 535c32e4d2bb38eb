package eu.municipia.seminars.entity;

import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A registration for an event: one or more people of one municipality (registered by a member
 * official), or one person of the public. It is confirmed whole or waits whole; its state changes
 * only through its {@link Seminar}, under the event's lock, except where it holds no places.
 */
@Entity
@Table(name = "seminar_registration")
@NamedQuery(
    name = Registration.IN_LINE,
    query =
        "SELECT r FROM Registration r WHERE r.seminarId = :seminar"
            + " AND r.status = eu.municipia.seminars.entity.RegistrationStatus.WAITING"
            + " ORDER BY r.queueKey")
@NamedQuery(
    name = Registration.OF_SEMINAR,
    query =
        "SELECT r FROM Registration r WHERE r.seminarId = :seminar"
            + " AND r.status <> eu.municipia.seminars.entity.RegistrationStatus.UNCONFIRMED"
            + " ORDER BY r.number")
@NamedQuery(
    name = Registration.OFFERS_DUE,
    query =
        "SELECT r FROM Registration r WHERE r.seminarId = :seminar"
            + " AND r.status = eu.municipia.seminars.entity.RegistrationStatus.OFFERED"
            + " AND r.offerExpiresAt <= :now ORDER BY r.offerExpiresAt")
@NamedQuery(
    name = Registration.OF_MUNICIPALITY,
    query =
        "SELECT r FROM Registration r WHERE r.country = :country AND r.code = :code"
            + " AND r.status <> eu.municipia.seminars.entity.RegistrationStatus.UNCONFIRMED"
            + " ORDER BY r.createdAt DESC")
@NamedQuery(
    name = Registration.BY_CONTACT,
    query =
        "SELECT r FROM Registration r WHERE LOWER(r.contactEmail) = :email ORDER BY r.createdAt")
public class Registration extends TenantOwned {

  public static final String IN_LINE = "Registration.inLine";
  public static final String OF_SEMINAR = "Registration.ofSeminar";
  public static final String OFFERS_DUE = "Registration.offersDue";
  public static final String OF_MUNICIPALITY = "Registration.ofMunicipality";
  public static final String BY_CONTACT = "Registration.byContact";

  /** The most people one registration holds. */
  public static final int MAX_PEOPLE = 10;

  /** Who is told about the registration, and in which language. */
  public record Contact(String name, String email, String language) {
    public Contact {
      Objects.requireNonNull(name, "name is required");
      Objects.requireNonNull(email, "email is required");
      language = "en".equals(language) ? "en" : "cs";
    }
  }

  @Id private UUID id;

  @Column(name = "seminar_id", nullable = false)
  private UUID seminarId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RegistrationStatus status;

  private Long number;

  @Column(name = "queue_key")
  private Long queueKey;

  private String country;
  private String code;
  private String organisation;

  @Column(name = "contact_name")
  private String contactName;

  @Column(name = "contact_email")
  private String contactEmail;

  @Column(nullable = false)
  private String language;

  @Column(name = "registered_by", nullable = false)
  private String registeredBy;

  @Column(name = "public_form")
  private boolean publicForm;

  private int places;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "entered_at")
  private Instant enteredAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "offered_at")
  private Instant offeredAt;

  @Column(name = "offer_expires_at")
  private Instant offerExpiresAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancel_reason")
  private String cancelReason;

  @Column(name = "erased_at")
  private Instant erasedAt;

  @OneToMany(mappedBy = "registration", cascade = CascadeType.ALL)
  @OrderBy("position")
  private List<Participant> participants = new ArrayList<>();

  protected Registration() {}

  /**
   * A new registration of the people; it counts once it enters ({@link Seminar#admit}).
   *
   * @param municipality the member municipality the people come from, if any
   * @param registeredBy who registered (the login's subject, or "public")
   */
  public Registration(
      UUID seminarId,
      List<Participant.Person> people,
      Contact contact,
      MunicipalityCode municipality,
      String organisation,
      String registeredBy,
      boolean publicForm,
      Instant now) {
    if (people.isEmpty() || people.size() > MAX_PEOPLE) {
      throw new IllegalArgumentException("A registration holds 1 to " + MAX_PEOPLE + " people.");
    }
    this.id = UUID.randomUUID();
    this.seminarId = Objects.requireNonNull(seminarId, "event is required");
    this.status = RegistrationStatus.UNCONFIRMED;
    this.contactName = contact.name();
    this.contactEmail = contact.email();
    this.language = contact.language();
    this.country = municipality == null ? null : municipality.country();
    this.code = municipality == null ? null : municipality.code();
    this.organisation = organisation;
    this.registeredBy = Objects.requireNonNull(registeredBy, "registeredBy is required");
    this.publicForm = publicForm;
    this.createdAt = now;
    for (Participant.Person person : people) {
      participants.add(new Participant(this, participants.size(), person));
    }
    this.places = participants.size();
  }

  void enter(long arrival, Instant now) {
    requireStatus(RegistrationStatus.UNCONFIRMED);
    this.number = arrival;
    this.queueKey = arrival;
    this.enteredAt = now;
    this.status = RegistrationStatus.WAITING;
    participants.forEach(Participant::activate);
  }

  void confirm(Instant now) {
    requireStatus(RegistrationStatus.WAITING);
    this.status = RegistrationStatus.CONFIRMED;
    this.confirmedAt = now;
  }

  void offer(Instant now, Instant expiresAt) {
    requireStatus(RegistrationStatus.WAITING);
    this.status = RegistrationStatus.OFFERED;
    this.offeredAt = now;
    this.offerExpiresAt = expiresAt;
  }

  void accept(Instant now) {
    if (status != RegistrationStatus.OFFERED) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "There is no open offer to accept.",
          Map.of("offer", "seminar.error.noOffer"));
    }
    this.status = RegistrationStatus.CONFIRMED;
    this.confirmedAt = now;
    this.offerExpiresAt = null;
  }

  void cancel(String reason, Instant now) {
    if (!status.isLive()) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "The registration is cancelled already.",
          Map.of("registration", "seminar.error.alreadyCancelled"));
    }
    this.status = RegistrationStatus.CANCELLED;
    this.cancelledAt = now;
    this.cancelReason = reason;
    this.offerExpiresAt = null;
    participants.forEach(Participant::deactivate);
  }

  void cancel(Participant participant, Instant now) {
    if (!participants.contains(participant) || !participant.isActive()) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "The person is not registered any more.",
          Map.of("participant", "seminar.error.alreadyCancelled"));
    }
    participant.cancel(now);
    places--;
  }

  Participant add(Participant.Person person) {
    if (participants.size() >= MAX_PEOPLE * 3 || places >= MAX_PEOPLE) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "A registration holds at most " + MAX_PEOPLE + " people.",
          Map.of("participants", "seminar.error.tooMany"),
          MAX_PEOPLE);
    }
    Participant added = new Participant(this, participants.size(), person);
    added.activate();
    participants.add(added);
    places++;
    return added;
  }

  /** An admin moves the registration to the head of the line. */
  public void moveToFront(long frontKey) {
    requireStatus(RegistrationStatus.WAITING);
    this.queueKey = frontKey;
  }

  /** Forgets who registered (GDPR); the registration stays, counted. */
  public void eraseContact(Instant now) {
    this.contactName = null;
    this.contactEmail = null;
    this.erasedAt = now;
  }

  public boolean isContact(String email) {
    return contactEmail != null && email != null && contactEmail.equalsIgnoreCase(email.trim());
  }

  private void requireStatus(RegistrationStatus expected) {
    if (status != expected) {
      throw new IllegalStateException("The registration is " + status + ", not " + expected);
    }
  }

  /** The people who still hold or wait for a place (or would, for an unconfirmed one). */
  public List<Participant> activePeople() {
    return participants.stream()
        .filter(p -> p.cancelledAt() == null && p.erasedAt() == null)
        .toList();
  }

  public Optional<Participant> participant(UUID participantId) {
    return participants.stream().filter(p -> p.id().equals(participantId)).findFirst();
  }

  public Optional<MunicipalityCode> municipality() {
    return code == null ? Optional.empty() : Optional.of(new MunicipalityCode(country, code));
  }

  /** What the audit log keeps: no personal data. */
  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("registration", id.toString());
    state.put("seminar", seminarId.toString());
    state.put("status", status.name());
    state.put("number", number);
    state.put("places", places);
    state.put("municipality", code);
    state.put("offerExpiresAt", offerExpiresAt == null ? null : offerExpiresAt.toString());
    state.put("cancelReason", cancelReason);
    return state;
  }

  public UUID id() {
    return id;
  }

  public UUID seminarId() {
    return seminarId;
  }

  public RegistrationStatus status() {
    return status;
  }

  public Long number() {
    return number;
  }

  public Long queueKey() {
    return queueKey;
  }

  public String organisation() {
    return organisation;
  }

  public String contactName() {
    return contactName;
  }

  public String contactEmail() {
    return contactEmail;
  }

  public String language() {
    return language;
  }

  public String registeredBy() {
    return registeredBy;
  }

  public boolean isPublicForm() {
    return publicForm;
  }

  public int places() {
    return places;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant confirmedAt() {
    return confirmedAt;
  }

  public Instant offerExpiresAt() {
    return offerExpiresAt;
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public List<Participant> participants() {
    return Collections.unmodifiableList(participants);
  }
}
