package eu.municipia.membership.entity;

import eu.municipia.platform.entity.Refusal;
import java.util.Map;

/** A date that does not fit the membership, such as an end before its beginning. */
public class MembershipDateException extends Refusal {

  public MembershipDateException(String message) {
    super(Kind.INVALID, message, Map.of("date", message));
  }
}
