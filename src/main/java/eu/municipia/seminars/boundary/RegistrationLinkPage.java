package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.control.Attendance;
import eu.municipia.seminars.control.PersonalLinks;
import eu.municipia.seminars.control.Seminars;
import eu.municipia.seminars.entity.Participant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The registrant's page (/{tenant}/seminars/registration?token=…), opened from the personal link in
 * the mail without a login: the registration's state and people; accept or decline an offer, cancel
 * a person or everything, correct a name, add a person while places are free. Stateless: the form
 * carries the token.
 */
@Named
@RequestScoped
public class RegistrationLinkPage extends PersonalLinkPage {

  static final String FORM = "manage";

  @Inject Seminars seminars;
  @Inject Attendance attendance;
  @Inject Shell shell;
  @Inject Clock clock;

  private RegistrationView registration;
  private EventView event;
  private final PersonRow added = new PersonRow();

  @Override
  protected boolean show(PersonalLinks.Opened opened) {
    if (opened.participant().isPresent()) {
      return false; // a ticket's link opens the ticket page, not this one
    }
    var r = opened.registration();
    registration =
        RegistrationView.of(r, registrations.position(r), attendance.from(r), shell.getLocale());
    var s = seminars.require(r.seminarId());
    event = EventView.of(s, seminars.places(s), shell.getLocale(), clock.instant());
    return true;
  }

  public void accept() {
    act(() -> registrations.accept(getToken()), "seminar.done.accepted");
  }

  public void decline() {
    act(() -> registrations.decline(getToken()), "seminar.done.declined");
  }

  public void cancelAll() {
    act(() -> registrations.cancel(getToken()), "seminar.done.cancelled");
  }

  public void cancelPerson(UUID participant) {
    act(() -> registrations.cancelPerson(getToken(), participant), "seminar.done.personCancelled");
  }

  public void add() {
    try {
      registrations.add(
          getToken(),
          new Participant.Person(
              added.getName() == null ? "" : added.getName(),
              added.getEmail() == null ? "" : added.getEmail(),
              added.getRole()));
      FormMessages.info("seminar.done.added");
      added.setName(null);
      added.setEmail(null);
      added.setRole(null);
    } catch (Refusal e) {
      Pages.show(FORM, e, "name", "email", "role");
    }
    reread();
  }

  private void act(Runnable change, String done) {
    try {
      change.run();
      FormMessages.info(done);
    } catch (Refusal e) {
      Pages.show(FORM, e);
    }
    reread();
  }

  public RegistrationView getRegistration() {
    read();
    return registration;
  }

  public EventView getEvent() {
    read();
    return event;
  }

  /** Whether a person can be added now: the registration is confirmed and a place is free. */
  public boolean isCanAdd() {
    return getRegistration() != null
        && registration.isConfirmed()
        && Optional.ofNullable(event).map(e -> e.free() > 0 && !e.cancelled()).orElse(false);
  }

  public boolean invalid(String field) {
    return FormMessages.invalid(FORM, field);
  }

  /** The person to add. */
  public PersonRow getAdded() {
    return added;
  }
}
