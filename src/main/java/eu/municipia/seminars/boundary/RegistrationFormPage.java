package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.FormMessages;
import java.util.List;

/**
 * What the two registration forms share (the public one and the members'): the lines of people, the
 * organisation, consent, and problems beside the fields of the form "register".
 */
public abstract class RegistrationFormPage {

  static final String FORM = "register";

  private final List<PersonRow> people;
  private String organisation;
  private boolean consent;

  protected RegistrationFormPage(int lines) {
    this.people = PersonRow.blank(lines);
  }

  /** Whether a field has a problem, for aria-invalid. */
  public boolean invalid(String field) {
    return FormMessages.invalid(FORM, field);
  }

  public List<PersonRow> getPeople() {
    return people;
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
