package eu.municipia.resolutions.entity;

/**
 * The figures of one vote: the body's basis (seated members, or member municipalities), how much of
 * it was present at the moment of the vote, how many people were present (who can vote), and the
 * votes for, against and abstaining.
 */
public record Tally(
    int basis, int present, int people, int votesFor, int votesAgainst, int abstained) {

  public Tally {
    if (basis < 0
        || present < 0
        || people < 0
        || votesFor < 0
        || votesAgainst < 0
        || abstained < 0) {
      throw new IllegalArgumentException("Counts are 0 or more.");
    }
  }

  public int votes() {
    return votesFor + votesAgainst + abstained;
  }
}
