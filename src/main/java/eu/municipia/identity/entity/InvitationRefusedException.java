package eu.municipia.identity.entity;

/** An invitation link that cannot be accepted, and why (each reason has its own message). */
public class InvitationRefusedException extends RuntimeException {

  /** Why an invitation link cannot be accepted. */
  public enum Reason {
    /** No invitation of this association has this link. */
    UNKNOWN,
    EXPIRED,
    /** Accepted already: a link is good for one use. */
    USED,
    /** Replaced by a newer invitation for the same purpose. */
    WITHDRAWN,
    /** The login is not the account that was invited. */
    OTHER_ACCOUNT;

    static Reason of(Invitation.Status status) {
      return switch (status) {
        case EXPIRED -> EXPIRED;
        case ACCEPTED -> USED;
        case WITHDRAWN -> WITHDRAWN;
        case PENDING -> throw new IllegalArgumentException("A pending invitation is no refusal");
      };
    }
  }

  private final Reason reason;

  public InvitationRefusedException(Reason reason) {
    super("The invitation cannot be accepted: " + reason.name().toLowerCase().replace('_', ' '));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
