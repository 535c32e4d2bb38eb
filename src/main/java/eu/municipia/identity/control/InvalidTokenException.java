package eu.municipia.identity.control;

/** A bearer token that is not one of ours: bad signature, issuer, audience, type or time. */
public class InvalidTokenException extends Exception {

  public InvalidTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
