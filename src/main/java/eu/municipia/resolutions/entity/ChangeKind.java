package eu.municipia.resolutions.entity;

/** How a later resolution changes an earlier one. */
public enum ChangeKind {
  AMENDS,
  ANNULS
}
