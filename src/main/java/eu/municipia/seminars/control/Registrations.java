package eu.municipia.seminars.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.control.UniqueKeys;
import eu.municipia.platform.entity.EmailAddress;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.publicforms.control.Confirmations;
import eu.municipia.seminars.entity.Audience;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.RegistrationForm;
import eu.municipia.seminars.entity.RegistrationStatus;
import eu.municipia.seminars.entity.Seminar;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registrations for events, and the waitlist that moves by itself. Every change of places locks the
 * event's row first ({@link Seminars#lock}), then settles it ({@link #settle}: offers that expired
 * pass on, freed places are offered), then lets the event decide: so 200 people registering at once
 * for 50 places give exactly 50 confirmed and 150 in line, in the order they got the lock.
 *
 * <p>Members (logged in) register at once; the public confirms its e-mail address first. The
 * registrant manages the registration through personal links in the mail (view, change, cancel,
 * accept or decline an offer); the admin sees the queue, moves a registration with a reason and
 * checks people in. Everything is audited (without personal data) and mailed through the outbox.
 */
@ApplicationScoped
@Transactional
public class Registrations {

  /** The public registration form, audited as such. */
  static final Caller PUBLIC =
      new Caller("public", "public", "public", "Registration form", null, Set.of(), false);

  /** Whoever holds a personal link. */
  static final Caller REGISTRANT =
      new Caller("registrant", "registrant", "registrant", "Personal link", null, Set.of(), false);

  /** The waitlist, moving by itself. */
  static final Caller WAITLIST =
      new Caller("waitlist", "waitlist", "waitlist", "Waitlist", null, Set.of(), false);

  static final String CONFIRMATION = "seminar-registration";
  static final Duration CONFIRMATION_VALID = Duration.ofHours(48);

  /** Where a member's people come from: a member municipality, or an organisation's name. */
  public record Origin(MunicipalityCode municipality, String organisation) {}

  /** An admin's move of a registration. */
  public enum Move {
    /** To the head of the line (it gets the next places that fit it). */
    FRONT,
    /** In at once, if its places are free. */
    CONFIRM,
    /** Out, its places freed. */
    CANCEL
  }

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Seminars seminars;
  @Inject SeminarMail mail;
  @Inject AuditLog audit;
  @Inject Confirmations confirmations;
  @Inject PersonalLinks personalLinks;
  @Inject Links links;
  @Inject TenantContext tenants;

  /**
   * A logged-in member registers people: confirmed if they fit, else in line. An organiser (admin)
   * may register outside the registration window, even after the event (attendance taken on paper
   * is entered afterwards), never beyond the capacity.
   */
  public Registration registerMembers(
      UUID seminarId,
      RegistrationForm form,
      String language,
      Origin origin,
      Caller caller,
      boolean organiser) {
    form.requireValid();
    Instant now = clock.instant();
    Seminar seminar = seminars.lock(seminarId);
    settle(seminar, now);
    if (organiser) {
      if (seminar.isCancelled()) {
        throw closed("seminar.error.cancelled");
      }
    } else {
      requireOpen(seminar, now);
    }
    String organisation =
        form.organisationOrNull() != null ? form.organisationOrNull() : origin.organisation();
    Registration registration =
        new Registration(
            seminarId,
            form.persons(),
            form.contact(language),
            origin.municipality(),
            organisation,
            caller.subject(),
            false,
            now);
    return enter(seminar, registration, caller, now);
  }

  /**
   * Someone of the public registers: nothing counts until they open the link mailed to them. Only
   * for events open to the public.
   */
  public Registration registerPublic(UUID seminarId, RegistrationForm form, String language) {
    form.requireValid();
    Instant now = clock.instant();
    Seminar seminar = seminars.require(seminarId);
    if (seminar.audience() != Audience.PUBLIC) {
      throw closed("seminar.error.membersOnly");
    }
    requireOpen(seminar, now);
    Registration registration =
        new Registration(
            seminarId,
            form.persons(),
            form.contact(language),
            null,
            form.organisationOrNull(),
            PUBLIC.subject(),
            true,
            now);
    em.persist(registration);
    String token = confirmations.issue(CONFIRMATION, registration.id(), CONFIRMATION_VALID);
    mail.confirmAddress(
        registration,
        seminar,
        links.of(tenants.current()).page("/seminars/confirm", Map.of("token", token)));
    return registration;
  }

  /** The link from the mail was opened: the public registration enters, confirmed or in line. */
  public Registration confirmAddress(String token) {
    UUID id = confirmations.redeem(CONFIRMATION, token);
    Registration registration = em.find(Registration.class, id);
    if (registration == null) {
      throw PersonalLinks.unknown();
    }
    Instant now = clock.instant();
    Seminar seminar = seminars.lock(registration.seminarId());
    settle(seminar, now);
    requireOpen(seminar, now);
    return enter(seminar, registration, PUBLIC, now);
  }

  private Registration enter(
      Seminar seminar, Registration registration, Caller caller, Instant now) {
    refuseThoseRegisteredAlready(seminar, registration);
    if (!em.contains(registration)) {
      em.persist(registration);
    }
    seminar.admit(registration, now);
    UniqueKeys.flush(em, Registrations::registeredAlready);
    audited(caller, "seminar.registered", registration, null);
    mail.entered(registration, seminar, position(registration));
    return registration;
  }

  /** Writes the change of a registration to the audit log (its state before and after). */
  private void audited(
      Caller who, String action, Registration registration, Map<String, Object> before) {
    audit.record(
        who,
        action,
        "registration",
        registration.id().toString(),
        before,
        registration.auditState());
  }

  /** What a personal link opens (nothing changes by looking). */
  public PersonalLinks.Opened open(String token) {
    return personalLinks.open(token);
  }

  /** The registrant takes the places offered to them. */
  public Registration accept(String token) {
    Registration registration = wholeRegistration(token);
    Instant now = clock.instant();
    Seminar seminar = seminars.lock(registration.seminarId());
    settle(seminar, now); // an offer that has just expired is no longer there to accept
    Map<String, Object> before = registration.auditState();
    seminar.accept(registration, now);
    audited(REGISTRANT, "seminar.offerAccepted", registration, before);
    mail.entered(registration, seminar, 0);
    return registration;
  }

  /** The registrant declines the places offered: they pass to the next in line. */
  public Registration decline(String token) {
    Registration registration = wholeRegistration(token);
    if (registration.status() != RegistrationStatus.OFFERED) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "There is no open offer to decline.",
          Map.of("offer", "seminar.error.noOffer"));
    }
    return cancel(registration, "seminar.reason.declined", REGISTRANT, "seminar.offerDeclined");
  }

  /**
   * Cancels what the link opens: one person's place (a ticket's link), or the whole registration.
   */
  public Registration cancel(String token) {
    PersonalLinks.Opened opened = personalLinks.open(token);
    if (opened.participant().isPresent()) {
      return cancelPerson(opened.registration(), opened.participant().get().id());
    }
    return cancel(
        opened.registration(), "seminar.reason.byRegistrant", REGISTRANT, "seminar.cancelled");
  }

  /** The registrant cancels one person of the registration. */
  public Registration cancelPerson(String token, UUID participantId) {
    return cancelPerson(wholeRegistration(token), participantId);
  }

  private Registration cancelPerson(Registration registration, UUID participantId) {
    Participant person =
        registration.participant(participantId).orElseThrow(PersonalLinks::unknown);
    Instant now = clock.instant();
    Seminar seminar = seminars.lock(registration.seminarId());
    settle(seminar, now);
    if (registration.activePeople().size() == 1) {
      return cancel(registration, "seminar.reason.byRegistrant", REGISTRANT, "seminar.cancelled");
    }
    Map<String, Object> before = registration.auditState();
    seminar.cancel(registration, person, now);
    audited(REGISTRANT, "seminar.personCancelled", registration, before);
    mail.personCancelled(registration, seminar, person);
    settle(seminar, now);
    return registration;
  }

  /** The registrant corrects a person's name or role. */
  public Participant rename(String token, UUID participantId, String name, String role) {
    Registration registration = wholeRegistration(token);
    Participant person =
        registration.participant(participantId).orElseThrow(PersonalLinks::unknown);
    Map<String, String> errors = new LinkedHashMap<>();
    if (name == null || name.isBlank()) {
      errors.put("name", "seminar.error.name");
    } else if (name.trim().length() > 200) {
      errors.put("name", "seminar.error.tooLong");
    }
    if (role != null && role.trim().length() > 100) {
      errors.put("role", "seminar.error.tooLong");
    }
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
    if (person.cancelledAt() != null || !registration.status().isLive()) {
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "The person is not registered any more.",
          Map.of("participant", "seminar.error.alreadyCancelled"));
    }
    person.rename(name, role);
    audited(REGISTRANT, "seminar.personRenamed", registration, null);
    return person;
  }

  /** The registrant adds a person to a confirmed registration, if a place is free. */
  public Participant add(String token, Participant.Person person) {
    Registration registration = wholeRegistration(token);
    if (!EmailAddress.isValid(person.email())) {
      throw Refusal.invalid("email", "seminar.error.email");
    }
    if (person.name().isBlank() || person.name().length() > 200) {
      throw Refusal.invalid("name", "seminar.error.name");
    }
    Instant now = clock.instant();
    Seminar seminar = seminars.lock(registration.seminarId());
    settle(seminar, now);
    refuseRegisteredAlready(seminar, List.of(person.email()));
    Map<String, Object> before = registration.auditState();
    Participant added = seminar.addTo(registration, person, now);
    UniqueKeys.flush(em, Registrations::registeredAlready);
    audited(REGISTRANT, "seminar.personAdded", registration, before);
    mail.added(registration, seminar, added);
    return added;
  }

  /** An admin moves a registration, with a reason the registrant is told. */
  public Registration move(UUID registrationId, Move to, String reason, Caller admin) {
    if (reason == null || reason.isBlank()) {
      throw Refusal.invalid("reason", "seminar.error.reason");
    }
    if (to == null) {
      throw Refusal.invalid("to", "seminar.error.move");
    }
    Registration registration = require(registrationId);
    Instant now = clock.instant();
    Seminar seminar = seminars.lock(registration.seminarId());
    settle(seminar, now);
    if (to == Move.CANCEL) {
      return cancel(registration, reason.trim(), admin, "seminar.movedOut");
    }
    Map<String, Object> before = registration.auditState();
    if (to == Move.FRONT) {
      if (registration.status() != RegistrationStatus.WAITING) {
        throw Refusal.conflict(
            "Only a waiting registration can be moved in line.", "to", "seminar.error.move");
      }
      Long head =
          em.createQuery(
                  "SELECT MIN(r.queueKey) FROM Registration r WHERE r.seminarId = :s"
                      + " AND r.status = eu.municipia.seminars.entity.RegistrationStatus.WAITING",
                  Long.class)
              .setParameter("s", seminar.id())
              .getSingleResult();
      registration.moveToFront(Math.min(head, registration.queueKey()) - 1);
    } else {
      seminar.confirmNow(registration, now);
    }
    Map<String, Object> after = new LinkedHashMap<>(registration.auditState());
    after.put("move", to.name());
    after.put("reason", reason.trim());
    audit.record(
        admin, "seminar.moved", "registration", registration.id().toString(), before, after);
    if (registration.status() == RegistrationStatus.CONFIRMED) {
      mail.entered(registration, seminar, 0);
    } else {
      mail.moved(registration, seminar, reason.trim());
    }
    return registration;
  }

  private Registration cancel(Registration registration, String reason, Caller who, String action) {
    Instant now = clock.instant();
    Seminar seminar = seminars.lock(registration.seminarId());
    Map<String, Object> before = registration.auditState();
    seminar.cancel(registration, reason, now);
    audited(who, action, registration, before);
    if (who == REGISTRANT) {
      mail.cancelled(registration, seminar);
    } else {
      mail.moved(registration, seminar, reason);
    }
    settle(seminar, now);
    return registration;
  }

  /**
   * Brings the locked event up to date: offers that expired are cancelled (their places pass on),
   * then free places are offered to those in line that fit. Called under the event's lock by every
   * use case that changes places, and by the scheduled job for offers nobody touches.
   */
  void settle(Seminar seminar, Instant now) {
    List<Registration> expired =
        em.createNamedQuery(Registration.OFFERS_DUE, Registration.class)
            .setParameter("seminar", seminar.id())
            .setParameter("now", now)
            .getResultList();
    for (Registration r : expired) {
      Map<String, Object> before = r.auditState();
      seminar.cancel(r, "seminar.reason.offerExpired", now);
      audited(WAITLIST, "seminar.offerExpired", r, before);
      mail.offerExpired(r, seminar);
    }
    if (seminar.free() == 0) {
      return;
    }
    List<Registration> inLine =
        em.createNamedQuery(Registration.IN_LINE, Registration.class)
            .setParameter("seminar", seminar.id())
            .getResultList();
    for (Registration r : seminar.moveWaitlist(inLine, now)) {
      audited(WAITLIST, "seminar.offered", r, null);
      mail.offered(r, seminar);
    }
  }

  /** The event is cancelled: everyone registered is told. */
  void eventCancelled(Seminar seminar, Instant now) {
    for (Registration r : queue(seminar.id())) {
      if (r.status().isLive()) {
        mail.eventCancelled(r, seminar);
      }
    }
  }

  /** The person whose ticket has the code, at this event (nothing changes). */
  public java.util.Optional<Participant> ticket(UUID seminarId, String code) {
    String normalized = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
    if (!normalized.matches("[0-9A-Z]{8}")) {
      return java.util.Optional.empty();
    }
    return em.createNamedQuery(Participant.BY_CHECKIN_CODE, Participant.class)
        .setParameter("code", normalized)
        .getResultStream()
        .filter(p -> p.seminarId().equals(seminarId))
        .findFirst();
  }

  /** An admin checks a person in by the code of their ticket (read from its QR code or typed). */
  public Participant checkIn(UUID seminarId, String code, Caller admin) {
    if (code == null || !code.trim().toUpperCase(java.util.Locale.ROOT).matches("[0-9A-Z]{8}")) {
      throw Refusal.invalid("code", "seminar.error.code");
    }
    Participant person =
        ticket(seminarId, code)
            .orElseThrow(
                () ->
                    new Refusal(
                        Refusal.Kind.NOT_FOUND,
                        "No ticket with this code for this event.",
                        Map.of("code", "seminar.error.unknownCode")));
    return checkIn(seminarId, person, admin);
  }

  /** An admin checks a person in by name (chosen from the list). */
  public Participant checkInPerson(UUID seminarId, UUID participantId, Caller admin) {
    Participant person = em.find(Participant.class, participantId);
    if (person == null || !person.seminarId().equals(seminarId)) {
      throw Refusal.notFound("No such person at this event.");
    }
    return checkIn(seminarId, person, admin);
  }

  private Participant checkIn(UUID seminarId, Participant person, Caller admin) {
    Seminar seminar = seminars.require(seminarId);
    Instant now = clock.instant();
    if (!seminar.isCheckInOpen(now)) {
      throw Refusal.conflict(
          "Check-in opens the day before the event.", "code", "seminar.error.checkInClosed");
    }
    if (person.checkIn(admin.displayName(), now)) {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("participant", person.id().toString());
      state.put("checkedInAt", now.toString());
      audit.record(
          admin,
          "seminar.checkedIn",
          "registration",
          person.registration().id().toString(),
          null,
          state);
    }
    return person;
  }

  /** Every registration of the event that entered, in arrival order. */
  public List<Registration> queue(UUID seminarId) {
    return em.createNamedQuery(Registration.OF_SEMINAR, Registration.class)
        .setParameter("seminar", seminarId)
        .getResultList();
  }

  /** The people of confirmed registrations, for the attendance list and the check-in. */
  public List<Participant> attendance(UUID seminarId) {
    return em.createNamedQuery(Participant.OF_SEMINAR, Participant.class)
        .setParameter("seminar", seminarId)
        .setParameter("statuses", List.of(RegistrationStatus.CONFIRMED))
        .getResultStream()
        .filter(Participant::isActive)
        .toList();
  }

  /** The registrations of a member municipality (for its officials' page). */
  public List<Registration> ofMunicipality(MunicipalityCode municipality) {
    return em.createNamedQuery(Registration.OF_MUNICIPALITY, Registration.class)
        .setParameter("country", municipality.country())
        .setParameter("code", municipality.code())
        .getResultList();
  }

  public Participant participant(UUID id) {
    Participant person = em.find(Participant.class, id);
    if (person == null) {
      throw Refusal.notFound("No such person here.");
    }
    return person;
  }

  public Registration require(UUID id) {
    Registration registration = em.find(Registration.class, id);
    if (registration == null || registration.status() == RegistrationStatus.UNCONFIRMED) {
      throw Refusal.notFound("No registration " + id + " here.");
    }
    return registration;
  }

  /** Where a waiting registration stands in line (1 is next); 0 for any other. */
  public long position(Registration registration) {
    if (registration.status() != RegistrationStatus.WAITING) {
      return 0;
    }
    return 1
        + em.createQuery(
                "SELECT COUNT(r) FROM Registration r WHERE r.seminarId = :s AND r.queueKey < :k"
                    + " AND r.status = eu.municipia.seminars.entity.RegistrationStatus.WAITING",
                Long.class)
            .setParameter("s", registration.seminarId())
            .setParameter("k", registration.queueKey())
            .getSingleResult();
  }

  private Registration wholeRegistration(String token) {
    PersonalLinks.Opened opened = personalLinks.open(token);
    if (opened.participant().isPresent()) {
      // A ticket's link speaks for its person only, not for the whole registration.
      throw PersonalLinks.unknown();
    }
    return opened.registration();
  }

  private void requireOpen(Seminar seminar, Instant now) {
    String closed = seminar.closedReason(now);
    if (closed != null) {
      throw closed(closed);
    }
  }

  private void refuseThoseRegisteredAlready(Seminar seminar, Registration registration) {
    refuseRegisteredAlready(
        seminar, registration.activePeople().stream().map(Participant::email).toList());
  }

  private void refuseRegisteredAlready(Seminar seminar, List<String> emails) {
    List<Participant> known =
        em.createNamedQuery(Participant.ACTIVE_WITH_EMAIL, Participant.class)
            .setParameter("seminar", seminar.id())
            .setParameter("emails", emails)
            .getResultList();
    if (!known.isEmpty()) {
      int index = emails.indexOf(known.get(0).email());
      throw new Refusal(
          Refusal.Kind.CONFLICT,
          "Someone of these people is registered for this event already.",
          Map.of("people[" + Math.max(index, 0) + "].email", "seminar.error.registeredAlready"),
          known.get(0).email());
    }
  }

  private static Refusal registeredAlready() {
    return new Refusal(
        Refusal.Kind.CONFLICT,
        "Someone of these people is registered for this event already.",
        Map.of("people", "seminar.error.registeredAlready"),
        "");
  }

  private static Refusal closed(String reason) {
    return new Refusal(
        Refusal.Kind.CONFLICT, "Registration for this event is not open.", Map.of("event", reason));
  }
}
