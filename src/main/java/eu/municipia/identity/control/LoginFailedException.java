package eu.municipia.identity.control;

/** A browser login that cannot complete; the person sees why and can try again. */
public class LoginFailedException extends Exception {

  public LoginFailedException(String message) {
    super(message);
  }

  public LoginFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
