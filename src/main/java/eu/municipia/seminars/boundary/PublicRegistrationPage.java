package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.publicforms.control.PublicForms;
import eu.municipia.publicforms.control.TooManySubmissionsException;
import eu.municipia.seminars.control.Registrations;
import eu.municipia.seminars.entity.RegistrationForm;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public registration form (/{tenant}/seminars/register?id=…) of an event open to the public:
 * one person, who confirms the e-mail address from the link mailed to them. Stateless (no session
 * for visitors); protected like every public form (honeypot, budgets). Members are sent to their
 * own form, which registers colleagues too.
 */
@Named
@RequestScoped
public class PublicRegistrationPage extends RegistrationFormPage {

  @Inject SeminarPage seminarPage;
  @Inject Registrations registrations;
  @Inject PublicForms publicForms;
  @Inject Shell shell;

  public PublicRegistrationPage() {
    super(1);
  }

  private String website;
  private boolean submitted;

  public void submit() {
    EventView event = seminarPage.getEvent();
    if (event == null) {
      Pages.notFound();
      return;
    }
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    try {
      if (publicForms.admit(SeminarsResource.FORM, request, website)
          == PublicForms.Admission.TRAPPED) {
        submitted = true; // a program filled in the honeypot: it learns nothing
        return;
      }
    } catch (TooManySubmissionsException e) {
      FormMessages.error("publicForms.error.tooMany");
      return;
    }
    RegistrationForm form =
        new RegistrationForm(
            PersonRow.lines(getPeople()), null, null, getOrganisation(), isConsent(), true);
    Pages.show(FORM, form.errors(), new Object[0], "organisation", "consent");
    if (FormMessages.hasErrors()) {
      return;
    }
    try {
      registrations.registerPublic(event.id(), form, shell.getLanguage());
      submitted = true;
    } catch (Refusal e) {
      Pages.show(FORM, e);
    }
  }

  public boolean isSubmitted() {
    return submitted;
  }

  /** The honeypot: hidden from people, filled in by programs. */
  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }
}
