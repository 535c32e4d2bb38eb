package eu.municipia.membership.entity;

/** Where an application for membership stands. */
public enum ApplicationStatus {
  /** Filled in, but its e-mail address not yet confirmed: it does not count yet. */
  UNCONFIRMED,
  SUBMITTED,
  APPROVED,
  REJECTED
}
