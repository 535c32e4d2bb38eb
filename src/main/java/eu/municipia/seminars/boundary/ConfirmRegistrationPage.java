package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.control.Registrations;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.RegistrationStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page the confirmation link of a public registration opens (/{tenant}/seminars/confirm?token=
 * …). Opening it changes nothing (mail scanners open links too); its button makes the registration
 * count: confirmed, or in line.
 */
@Named
@RequestScoped
public class ConfirmRegistrationPage {

  @Inject Registrations registrations;

  private String outcome;
  private long position;

  public String getToken() {
    return Pages.parameter("token");
  }

  public void confirm() {
    try {
      Registration r = registrations.confirmAddress(getToken());
      outcome = r.status().name();
      position = r.status() == RegistrationStatus.WAITING ? registrations.position(r) : 0;
    } catch (Refusal e) {
      e.fields().values().stream()
          .findFirst()
          .ifPresent(key -> FormMessages.error(key, e.arguments()));
    }
  }

  /** CONFIRMED or WAITING once confirmed. */
  public String getOutcome() {
    return outcome;
  }

  public long getPosition() {
    return position;
  }
}
