package eu.municipia.membership.entity;

/** A change of status that the membership's current status does not allow. */
public class MembershipTransitionException extends IllegalStateException {

  public MembershipTransitionException(MembershipStatus from, String change) {
    super("A membership that is " + from + " cannot be " + change + ".");
  }
}
