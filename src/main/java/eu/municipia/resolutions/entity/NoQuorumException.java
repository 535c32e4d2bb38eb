package eu.municipia.resolutions.entity;

import eu.municipia.platform.entity.Refusal;
import java.util.Map;

/**
 * A vote of a body that was not quorate at that moment: nothing it decided then is valid, so the
 * resolution is not recorded. The reason names who was present and how many were needed.
 */
public class NoQuorumException extends Refusal {

  public NoQuorumException(int present, int basis, int quorum) {
    super(
        Kind.CONFLICT,
        "The body had no quorum at the vote: "
            + present
            + " of "
            + basis
            + " present, "
            + quorum
            + " needed.",
        Map.of("votedAt", "resolution.error.noQuorum"),
        present,
        basis,
        quorum);
  }
}
