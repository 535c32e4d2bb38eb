package eu.municipia.resolutions.entity;

/**
 * What a body's quorum and "of all" majorities count: its seated members, or the association's
 * member municipalities (an assembly of delegates, where each present municipality counts once). A
 * body is quorate when more than half of the basis is present.
 */
public enum QuorumBasis {
  MEMBERS,
  MEMBER_MUNICIPALITIES;

  /** The least presence that makes the body quorate: more than half. */
  public static int quorum(int basis) {
    return basis / 2 + 1;
  }
}
