package eu.municipia.magazine.entity;

/** Who may read a published article: everyone, or the association's members only. */
public enum Audience {
  PUBLIC,
  MEMBERS
}
