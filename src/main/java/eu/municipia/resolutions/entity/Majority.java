package eu.municipia.resolutions.entity;

/**
 * The majority a resolution needs: more than half, or at least three fifths or two thirds, of those
 * present at the vote or of all (the body's basis, see {@link QuorumBasis}).
 */
public enum Majority {
  HALF_OF_PRESENT(1, 2, true, false),
  HALF_OF_ALL(1, 2, true, true),
  THREE_FIFTHS_OF_PRESENT(3, 5, false, false),
  THREE_FIFTHS_OF_ALL(3, 5, false, true),
  TWO_THIRDS_OF_PRESENT(2, 3, false, false),
  TWO_THIRDS_OF_ALL(2, 3, false, true);

  private final int numerator;
  private final int denominator;
  private final boolean moreThan;
  private final boolean ofAll;

  Majority(int numerator, int denominator, boolean moreThan, boolean ofAll) {
    this.numerator = numerator;
    this.denominator = denominator;
    this.moreThan = moreThan;
    this.ofAll = ofAll;
  }

  /** The fewest votes for that adopt, given who is present and the body's basis; at least one. */
  public int needed(int present, int basis) {
    int of = ofAll ? basis : present;
    int needed =
        moreThan
            ? of * numerator / denominator + 1
            : (of * numerator + denominator - 1) / denominator;
    return Math.max(1, needed);
  }

  public boolean ofAll() {
    return ofAll;
  }
}
