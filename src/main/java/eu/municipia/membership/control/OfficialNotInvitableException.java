package eu.municipia.membership.control;

import eu.municipia.platform.entity.Refusal;
import java.util.Map;

/**
 * An official who cannot be invited to log in (a conflict): without an e-mail address (or erased),
 * or whose address belongs to a login that has not verified it (attaching that login could hand the
 * association's access to whoever typed someone else's address into it).
 */
public class OfficialNotInvitableException extends Refusal {

  /** Why the invitation cannot be sent; its text is {@code officials.error.invite.REASON}. */
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
    super(
        Kind.CONFLICT, reason.message, Map.of("email", "officials.error.invite." + reason.name()));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
