package eu.municipia.identity.control;

/** Keycloak could not be reached: logins fail with 503 until it answers again. */
public class IdentityProviderUnavailableException extends RuntimeException {

  public IdentityProviderUnavailableException(String issuer, Throwable cause) {
    super("The identity provider " + issuer + " does not answer", cause);
  }
}
