package eu.municipia.seminars.entity;

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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event of the association (seminar, workshop, study visit, conference, webinar) and its places.
 *
 * <p>It decides capacity and the waitlist itself, and only while its row is locked (every use case
 * that changes places loads it with a pessimistic lock): {@link #admit} confirms a registration
 * that fits the free places and puts the others in line; {@link #moveWaitlist} offers freed places
 * to the first waiting registrations that fit, holding them for {@code offerHours}. Invariants:
 * {@code heldPlaces} (confirmed and offered) never exceeds the capacity, and after every change no
 * waiting registration fits into the free places (so a newcomer that fits may be confirmed at once
 * without jumping anyone who could have had the places).
 */
@Entity
@Table(name = "seminar")
@NamedQuery(
    name = Seminar.UPCOMING,
    query = "SELECT s FROM Seminar s WHERE s.endsAt >= :now ORDER BY s.startsAt, s.title")
@NamedQuery(name = Seminar.ALL, query = "SELECT s FROM Seminar s ORDER BY s.startsAt DESC, s.title")
public class Seminar extends TenantOwned {

  public static final String UPCOMING = "Seminar.upcoming";
  public static final String ALL = "Seminar.all";

  /** Where the associations' events happen and are shown: their times are Prague's. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Prague");

  /** A checked item of the programme. */
  public record Item(Instant startsAt, Instant endsAt, String title, String lecturer) {}

  /** What the admin decides about an event; checked by {@link EventForm}. */
  public record Details(
      EventKind kind,
      String title,
      String description,
      String topic,
      String lecturers,
      Instant startsAt,
      Instant endsAt,
      String venue,
      String address,
      Double latitude,
      Double longitude,
      String onlineUrl,
      int capacity,
      Instant registrationOpensAt,
      Instant registrationClosesAt,
      Audience audience,
      BigDecimal fee,
      int offerHours,
      List<Item> programme) {}

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EventKind kind;

  @Column(nullable = false)
  private String title;

  private String description;
  private String topic;
  private String lecturers;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  private String venue;
  private String address;
  private Double latitude;
  private Double longitude;

  @Column(name = "online_url")
  private String onlineUrl;

  private int capacity;

  @Column(name = "registration_opens_at", nullable = false)
  private Instant registrationOpensAt;

  @Column(name = "registration_closes_at", nullable = false)
  private Instant registrationClosesAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Audience audience;

  private BigDecimal fee;

  @Column(name = "offer_hours")
  private int offerHours;

  @Column(name = "held_places")
  private int heldPlaces;

  @Column(name = "next_number")
  private long nextNumber;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancel_reason")
  private String cancelReason;

  @OneToMany(mappedBy = "seminar", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<ProgrammeItem> programme = new ArrayList<>();

  protected Seminar() {}

  public Seminar(Details details, String createdBy, Instant now) {
    this.id = UUID.randomUUID();
    this.createdAt = Objects.requireNonNull(now, "now is required");
    this.createdBy = Objects.requireNonNull(createdBy, "creator is required");
    this.nextNumber = 1;
    change(details);
  }

  /**
   * Takes the admin's changes. The capacity may not fall below the places already held; a raised
   * capacity frees places, which the caller then offers ({@link #moveWaitlist}).
   */
  public void change(Details details) {
    if (cancelledAt != null) {
      throw Refusal.conflict("The event is cancelled.", "title", "seminar.error.cancelled");
    }
    if (details.capacity() < heldPlaces) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "The capacity cannot be below the " + heldPlaces + " places already taken.",
          Map.of("capacity", "seminar.error.capacityBelowHeld"),
          heldPlaces);
    }
    this.kind = details.kind();
    this.title = details.title();
    this.description = details.description();
    this.topic = details.topic();
    this.lecturers = details.lecturers();
    this.startsAt = details.startsAt();
    this.endsAt = details.endsAt();
    this.venue = details.venue();
    this.address = details.address();
    this.latitude = details.latitude();
    this.longitude = details.longitude();
    this.onlineUrl = details.onlineUrl();
    this.capacity = details.capacity();
    this.registrationOpensAt = details.registrationOpensAt();
    this.registrationClosesAt = details.registrationClosesAt();
    this.audience = details.audience();
    this.fee = details.fee();
    this.offerHours = details.offerHours();
    programme.clear();
    for (int i = 0; i < details.programme().size(); i++) {
      programme.add(new ProgrammeItem(this, i, details.programme().get(i)));
    }
  }

  /** Cancels the event; the caller tells everyone registered. */
  public void cancel(String reason, Instant now) {
    if (cancelledAt != null) {
      throw Refusal.conflict(
          "The event is cancelled already.", "reason", "seminar.error.cancelled");
    }
    if (reason == null || reason.isBlank()) {
      throw Refusal.invalid("reason", "seminar.error.reason");
    }
    this.cancelledAt = now;
    this.cancelReason = reason.trim();
  }

  /** Why a registration cannot be taken now, or null if it can. */
  public String closedReason(Instant now) {
    if (cancelledAt != null) {
      return "seminar.error.cancelled";
    }
    if (now.isBefore(registrationOpensAt)) {
      return "seminar.error.notOpenYet";
    }
    if (!now.isBefore(registrationClosesAt) || !now.isBefore(startsAt)) {
      return "seminar.error.closed";
    }
    return null;
  }

  public boolean isOpenForRegistration(Instant now) {
    return closedReason(now) == null;
  }

  /**
   * A registration enters (its e-mail confirmed, or made by a logged-in member): it gets its
   * arrival number and is confirmed if it fits into the free places, else it waits in line.
   */
  public void admit(Registration registration, Instant now) {
    requireOwn(registration);
    if (registration.places() > capacity) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "More people than the event has places.",
          Map.of("participants", "seminar.error.moreThanCapacity"),
          capacity);
    }
    registration.enter(nextNumber++, now);
    if (registration.places() <= free()) {
      registration.confirm(now);
      heldPlaces += registration.places();
    }
  }

  /**
   * Offers free places to the waiting registrations, in line, that fit: each offer holds its places
   * until it expires (after {@code offerHours}, but never past the start). Nothing is offered once
   * the event has begun or is cancelled. Answers the registrations that got an offer.
   */
  public List<Registration> moveWaitlist(List<Registration> waitingInLine, Instant now) {
    if (cancelledAt != null || !now.isBefore(startsAt)) {
      return List.of();
    }
    List<Registration> offered = new ArrayList<>();
    for (Registration r : waitingInLine) {
      requireOwn(r);
      if (free() == 0) {
        break;
      }
      if (r.status() == RegistrationStatus.WAITING && r.places() <= free()) {
        Instant until = now.plus(Duration.ofHours(offerHours));
        r.offer(now, until.isAfter(startsAt) ? startsAt : until);
        heldPlaces += r.places();
        offered.add(r);
      }
    }
    return offered;
  }

  /** An offer accepted: the places it held are the registration's now. */
  public void accept(Registration registration, Instant now) {
    requireOwn(registration);
    registration.accept(now);
  }

  /** Takes a waiting registration in at once, if its places are free (an admin's move). */
  public void confirmNow(Registration registration, Instant now) {
    requireOwn(registration);
    if (registration.status() == RegistrationStatus.OFFERED) {
      registration.accept(now);
      return;
    }
    if (registration.status() != RegistrationStatus.WAITING) {
      throw Refusal.conflict(
          "Only a waiting or offered registration can be confirmed.", "to", "seminar.error.move");
    }
    if (registration.places() > free()) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "Not enough free places: raise the capacity first.",
          Map.of("to", "seminar.error.noFreePlaces"),
          free());
    }
    registration.confirm(now);
    heldPlaces += registration.places();
  }

  /**
   * Cancels a registration (the registrant, the admin, an offer declined or expired); the places it
   * held are free again, and the caller moves the waitlist.
   */
  public void cancel(Registration registration, String reason, Instant now) {
    requireOwn(registration);
    boolean held = registration.status().holdsPlaces();
    int places = registration.places();
    registration.cancel(reason, now);
    if (held) {
      heldPlaces -= places;
    }
  }

  /** One person of a registration cancels; a held place is free again. */
  public void cancel(Registration registration, Participant participant, Instant now) {
    requireOwn(registration);
    boolean held = registration.status().holdsPlaces();
    if (registration.places() == 1) {
      cancel(registration, "seminar.reason.lastPerson", now);
      return;
    }
    registration.cancel(participant, now);
    if (held) {
      heldPlaces--;
    }
  }

  /** Adds a person to a confirmed registration, if a place is free. */
  public Participant addTo(Registration registration, Participant.Person person, Instant now) {
    requireOwn(registration);
    if (registration.status() != RegistrationStatus.CONFIRMED) {
      throw Refusal.conflict(
          "Only a confirmed registration takes more people.",
          "participants",
          "seminar.error.addOnlyConfirmed");
    }
    if (free() < 1) {
      throw Refusal.conflict("No place is free.", "participants", "seminar.error.full");
    }
    Participant added = registration.add(person);
    heldPlaces++;
    return added;
  }

  /** Places neither confirmed nor offered. */
  public int free() {
    return capacity - heldPlaces;
  }

  public boolean hasStarted(Instant now) {
    return !now.isBefore(startsAt);
  }

  public boolean hasEnded(Instant now) {
    return !now.isBefore(endsAt);
  }

  /** Check-in opens a day before the start (people arrive the evening before a study visit). */
  public boolean isCheckInOpen(Instant now) {
    return cancelledAt == null && !now.isBefore(startsAt.minus(Duration.ofDays(1)));
  }

  private void requireOwn(Registration registration) {
    if (!registration.seminarId().equals(id)) {
      throw new IllegalArgumentException("The registration is for another event.");
    }
  }

  /** What the audit log keeps. */
  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("kind", kind.name());
    state.put("title", title);
    state.put("startsAt", startsAt.toString());
    state.put("endsAt", endsAt.toString());
    state.put("capacity", capacity);
    state.put("audience", audience.name());
    state.put("registrationOpensAt", registrationOpensAt.toString());
    state.put("registrationClosesAt", registrationClosesAt.toString());
    state.put("fee", fee == null ? null : fee.toPlainString());
    state.put("offerHours", offerHours);
    state.put("programmeItems", programme.size());
    state.put("cancelled", cancelledAt != null);
    return state;
  }

  public UUID id() {
    return id;
  }

  public EventKind kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String topic() {
    return topic;
  }

  public String lecturers() {
    return lecturers;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public String venue() {
    return venue;
  }

  public String address() {
    return address;
  }

  public Double latitude() {
    return latitude;
  }

  public Double longitude() {
    return longitude;
  }

  public String onlineUrl() {
    return onlineUrl;
  }

  public int capacity() {
    return capacity;
  }

  public Instant registrationOpensAt() {
    return registrationOpensAt;
  }

  public Instant registrationClosesAt() {
    return registrationClosesAt;
  }

  public Audience audience() {
    return audience;
  }

  public BigDecimal fee() {
    return fee;
  }

  public int offerHours() {
    return offerHours;
  }

  public int heldPlaces() {
    return heldPlaces;
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public boolean isCancelled() {
    return cancelledAt != null;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<ProgrammeItem> programme() {
    return Collections.unmodifiableList(programme);
  }
}
