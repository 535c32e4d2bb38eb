package eu.municipia.membership.entity;

import eu.municipia.platform.entity.Refusal;
import java.util.Locale;
import java.util.Map;

/** An application that was already approved or rejected cannot be decided again. */
public class ApplicationDecidedException extends Refusal {

  public ApplicationDecidedException(ApplicationStatus status) {
    this("This application was already " + status.name().toLowerCase(Locale.ROOT) + ".");
  }

  private ApplicationDecidedException(String message) {
    super(Kind.CONFLICT, message, Map.of("status", message));
  }
}
