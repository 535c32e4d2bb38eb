package eu.municipia.seminars.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.control.Registrants;
import eu.municipia.seminars.control.Registrations;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.RegistrationForm;
import eu.municipia.seminars.entity.RegistrationStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * A member's registration form (/{tenant}/members/seminars/register?id=…): a member official
 * registers themselves and colleagues of their municipality (up to five lines here, ten through the
 * API), confirmed whole if the places suffice, else in line whole. The contact (prefilled with the
 * logged-in person) gets the mail with the link to manage the registration.
 */
@Named
@RequestScoped
public class MemberRegistrationPage {

  static final String FORM = "register";
  static final int LINES = 5;

  @Inject SeminarPage seminarPage;
  @Inject Registrations registrations;
  @Inject Registrants registrants;
  @Inject CurrentCaller caller;
  @Inject Shell shell;

  private final List<PersonRow> people = PersonRow.blank(LINES);
  private String contactName;
  private String contactEmail;
  private String organisation;
  private boolean consent;
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
              people.get(0).setName(c.displayName());
              people.get(0).setEmail(c.email());
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
            PersonRow.lines(people), contactName, contactEmail, organisation, consent, false);
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
      Registration r =
          registrations.registerMembers(
              event.id(), form, shell.getLanguage(), registrants.of(who), who, false);
      outcome = r.status().name();
      position = r.status() == RegistrationStatus.WAITING ? registrations.position(r) : 0;
    } catch (Refusal e) {
      Pages.show(FORM, e, "contactName", "contactEmail", "organisation", "consent");
    }
  }

  public boolean invalid(String field) {
    return FormMessages.invalid(FORM, field);
  }

  /** CONFIRMED or WAITING once registered. */
  public String getOutcome() {
    return outcome;
  }

  public long getPosition() {
    return position;
  }

  public List<PersonRow> getPeople() {
    return people;
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

  public String getOrganisation() {
    return organisation;
  }

  public void setOrganisation(String organisation) {
    this.organisation = organisation;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }
}
