package eu.municipia.identity.control;

/** Keycloak refused or could not do a provisioning step; the message says which and why. */
public class ProvisioningFailedException extends RuntimeException {

  public ProvisioningFailedException(String message) {
    super(message);
  }

  public ProvisioningFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
