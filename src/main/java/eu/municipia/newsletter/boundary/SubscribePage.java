package eu.municipia.newsletter.boundary;

import eu.municipia.newsletter.control.Subscribers;
import eu.municipia.newsletter.entity.SubscriptionForm;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.publicforms.control.PublicForms;
import eu.municipia.publicforms.control.TooManySubmissionsException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public sign-up for the newsletter (/{tenant}/newsletter): an address and consent; a link to
 * confirm follows by e-mail (double opt-in). The same answer whether or not the address is known.
 */
@Named
@RequestScoped
public class SubscribePage {

  static final String FORM = "subscribe";

  @Inject Subscribers subscribers;
  @Inject PublicForms publicForms;
  @Inject Shell shell;

  private String email;
  private String name;
  private boolean consent;
  private String website;
  private boolean done;

  public String submit() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    try {
      if (publicForms.admit(NewsletterResource.FORM, request, website)
          == PublicForms.Admission.TRAPPED) {
        done = true;
        return null;
      }
    } catch (TooManySubmissionsException e) {
      FormMessages.error("publicForms.error.tooMany");
      return null;
    }
    SubscriptionForm form = new SubscriptionForm(email, name, shell.getLanguage(), consent);
    FormMessages.show(FORM, form.errors());
    if (FormMessages.hasErrors()) {
      return null;
    }
    try {
      subscribers.signUp(form);
      done = true;
    } catch (Refusal e) {
      FormMessages.show(FORM, e);
    }
    return null;
  }

  public boolean invalid(String field) {
    return FormMessages.invalid(FORM, field);
  }

  public boolean isDone() {
    return done;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }
}
