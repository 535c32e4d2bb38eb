package eu.municipia.membership.control;

/**
 * An official who cannot be invited to log in: without an e-mail address (or erased), or whose
 * address belongs to a login that has not verified it (attaching that login could hand the
 * association's access to whoever typed someone else's address into it).
 */
public class OfficialNotInvitableException extends RuntimeException {

  /** Why the invitation cannot be sent. */
  public enum Reason {
    NO_EMAIL("Only an official with an e-mail address can be invited to log in."),
    ADDRESS_NOT_VERIFIED(
        "A login with this e-mail address exists, but its address is not verified yet: the person"
            + " must confirm it first (e.g. by finishing an earlier invitation); then invite again.");

    private final String message;

    Reason(String message) {
      this.message = message;
    }
  }

  private final Reason reason;

  public OfficialNotInvitableException(Reason reason) {
    super(reason.message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
