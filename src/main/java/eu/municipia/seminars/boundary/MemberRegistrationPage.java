package eu.municipia.seminars.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.control.EventLines;
import eu.municipia.seminars.control.Registrants;
import eu.municipia.seminars.control.Registrations;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.RegistrationForm;
import eu.municipia.seminars.entity.RegistrationStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A member's registration form (/{tenant}/members/seminars/register?id=…): a member official
 * registers themselves and colleagues of their municipality (up to five lines here, ten through the
 * API), confirmed whole if the places suffice, else in line whole. The contact (prefilled with the
 * logged-in person) gets the mail with the link to manage the registration.
 */
@Named
@RequestScoped
public class MemberRegistrationPage extends RegistrationFormPage {

  static final int LINES = 5;

  @Inject SeminarPage seminarPage;
  @Inject Registrations registrations;
  @Inject Registrants registrants;
  @Inject CurrentCaller caller;
  @Inject Shell shell;
  @Inject EventLines lines;

  public MemberRegistrationPage() {
    super(LINES);
  }

  private String contactName;
  private String contactEmail;
  private String outcome;
  private long position;

  @PostConstruct
  void prefill() {
    caller
        .find()
        .ifPresent(
            c -> {
              contactName = c.displayName();
              contactEmail = c.email();
              getPeople().get(0).setName(c.displayName());
              getPeople().get(0).setEmail(c.email());
            });
  }

  /** Where the people come from: the municipality the official speaks for, if any. */
  public String getOrigin() {
    return caller.find().map(c -> registrants.name(registrants.of(c))).orElse("");
  }

  public void submit() {
    EventView event = seminarPage.getEvent();
    if (event == null) {
      Pages.notFound();
      return;
    }
    RegistrationForm form =
        new RegistrationForm(
            PersonRow.lines(getPeople()),
            contactName,
            contactEmail,
            getOrganisation(),
            isConsent(),
            false);
    Pages.show(
        FORM,
        form.errors(),
        new Object[0],
        "contactName",
        "contactEmail",
        "organisation",
        "consent");
    if (FormMessages.hasErrors()) {
      return;
    }
    try {
      Caller who = caller.get();
      Registrations.Origin origin = registrants.of(who);
      Registration r =
          lines.inLine(
              event.id(),
              () ->
                  registrations.registerMembers(
                      event.id(), form, shell.getLanguage(), origin, who, false));
      outcome = r.status().name();
      position = r.status() == RegistrationStatus.WAITING ? registrations.position(r) : 0;
    } catch (Refusal e) {
      Pages.show(FORM, e, "contactName", "contactEmail", "organisation", "consent");
    }
  }

  /** CONFIRMED or WAITING once registered. */
  public String getOutcome() {
    return outcome;
  }

  public long getPosition() {
    return position;
  }

  public String getContactName() {
    return contactName;
  }

  public void setContactName(String contactName) {
    this.contactName = contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }
}
