package eu.municipia.membership.entity;

import eu.municipia.platform.entity.Refusal;
import java.util.Map;

/** A change of status that the membership's current status does not allow (a conflict). */
public class MembershipTransitionException extends Refusal {

  public MembershipTransitionException(MembershipStatus from, String change) {
    this("A membership that is " + from + " cannot be " + change + ".");
  }

  private MembershipTransitionException(String message) {
    super(Kind.CONFLICT, message, Map.of("status", message));
  }
}
