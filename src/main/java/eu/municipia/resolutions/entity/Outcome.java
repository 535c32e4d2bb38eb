package eu.municipia.resolutions.entity;

/** Adopted or rejected: always computed from the vote, never typed. */
public enum Outcome {
  ADOPTED,
  REJECTED
}
