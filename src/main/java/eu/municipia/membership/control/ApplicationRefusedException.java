package eu.municipia.membership.control;

/** An application that cannot be taken, with the reason that the form or API shows beside it. */
public class ApplicationRefusedException extends RuntimeException {

  public enum Reason {
    NOT_IN_REGISTER(false),
    OUTSIDE_REGION(false),
    ALREADY_MEMBER(true),
    ALREADY_APPLIED(true);

    private final boolean conflict;

    Reason(boolean conflict) {
      this.conflict = conflict;
    }

    /** Whether the request was fine but the state of things refuses it (409, not 400). */
    public boolean conflict() {
      return conflict;
    }
  }

  private final Reason reason;

  public ApplicationRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
