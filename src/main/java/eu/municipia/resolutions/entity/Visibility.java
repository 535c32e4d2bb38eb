package eu.municipia.resolutions.entity;

/**
 * Who may read a published resolution or a meeting's file: everyone, or the association's members.
 */
public enum Visibility {
  PUBLIC,
  MEMBERS;

  /** Whether a reader who is (or is not) a member of the association may see it. */
  public boolean readableBy(boolean member) {
    return this == PUBLIC || member;
  }
}
