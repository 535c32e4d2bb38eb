package eu.municipia.membership.entity;

/** What an official or contact person is for their municipality. */
public enum OfficialRole {
  MAYOR,
  DEPUTY_MAYOR,
  SECRETARY,
  TWINNING_CONTACT,
  CONTACT
}
