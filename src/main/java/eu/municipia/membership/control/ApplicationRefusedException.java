package eu.municipia.membership.control;

import eu.municipia.platform.entity.Refusal;
import java.util.Map;

/**
 * An application that cannot be taken, with the reason that the form or API shows beside the
 * municipality ({@code join.error.REASON}, the municipality's name as its argument).
 */
public class ApplicationRefusedException extends Refusal {

  public enum Reason {
    NOT_IN_REGISTER(Kind.INVALID),
    OUTSIDE_REGION(Kind.INVALID),
    ALREADY_MEMBER(Kind.CONFLICT);

    private final Kind kind;

    Reason(Kind kind) {
      this.kind = kind;
    }
  }

  private final Reason reason;

  public ApplicationRefusedException(Reason reason, String message, String municipality) {
    super(reason.kind, message, Map.of("code", "join.error." + reason.name()), municipality);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
