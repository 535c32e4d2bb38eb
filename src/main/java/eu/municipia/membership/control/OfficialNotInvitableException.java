package eu.municipia.membership.control;

/** An official without an e-mail address (or erased) cannot be invited to log in. */
public class OfficialNotInvitableException extends RuntimeException {

  public OfficialNotInvitableException() {
    super("Only an official with an e-mail address can be invited to log in.");
  }
}
