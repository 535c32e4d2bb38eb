package eu.municipia.membership.entity;

/** A date that does not fit the membership, such as an end before its beginning. */
public class MembershipDateException extends IllegalArgumentException {

  public MembershipDateException(String message) {
    super(message);
  }
}
