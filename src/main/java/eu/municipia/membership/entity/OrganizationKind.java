package eu.municipia.membership.entity;

/** What kind of organization a member that is not a municipality is. */
public enum OrganizationKind {
  MICROREGION,
  COMPANY,
  ASSOCIATION,
  OTHER
}
