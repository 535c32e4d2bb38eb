package eu.municipia.membership.entity;

/** An application that was already approved or rejected cannot be decided again. */
public class ApplicationDecidedException extends IllegalStateException {

  public ApplicationDecidedException(ApplicationStatus status) {
    super("This application was already " + status.name().toLowerCase(java.util.Locale.ROOT) + ".");
  }
}
