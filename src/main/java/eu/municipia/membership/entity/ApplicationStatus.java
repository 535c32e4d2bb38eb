package eu.municipia.membership.entity;

/** Where an application for membership stands. */
public enum ApplicationStatus {
  SUBMITTED,
  APPROVED,
  REJECTED
}
