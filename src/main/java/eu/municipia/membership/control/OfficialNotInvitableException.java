package eu.municipia.membership.control;

import eu.municipia.platform.entity.Refusal;
import java.util.Map;

/** An official without an e-mail address (or erased) cannot be invited to log in. */
public class OfficialNotInvitableException extends Refusal {

  public OfficialNotInvitableException() {
    super(
        Kind.CONFLICT,
        "Only an official with an e-mail address can be invited to log in.",
        Map.of("email", "officials.error.invite.email"));
  }
}
