package eu.municipia.membership.entity;

/** Where a membership stands: applied for, active, suspended (e.g. unpaid dues), or ended. */
public enum MembershipStatus {
  APPLIED,
  ACTIVE,
  SUSPENDED,
  LEFT
}
