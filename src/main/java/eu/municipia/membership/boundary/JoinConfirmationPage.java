package eu.municipia.membership.boundary;

import eu.municipia.membership.control.ApplicationRefusedException;
import eu.municipia.membership.control.Applications;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page the link in the confirmation e-mail opens (/{tenant}/join/confirm?token=…). Opening it
 * changes nothing (mail scanners open links too); its button sends the application.
 */
@Named
@RequestScoped
public class JoinConfirmationPage {

  @Inject Applications applications;

  private String confirmedFor;

  /** The token from the link, carried by the page's form to its button. */
  public String getToken() {
    return FormMessages.parameter("token");
  }

  public String confirm() {
    try {
      confirmedFor = applications.name(applications.confirm(getToken()));
    } catch (ApplicationRefusedException e) {
      FormMessages.error("join.error." + e.reason().name(), e.arguments());
    } catch (Refusal e) {
      FormMessages.error(e.fields().getOrDefault("token", "confirmation.error.unknown"));
    }
    return null;
  }

  public boolean isConfirmed() {
    return confirmedFor != null;
  }

  public String getConfirmedFor() {
    return confirmedFor;
  }
}
