package eu.municipia.resolutions.entity;

/** What kind of body: the kinds associations of municipalities have. */
public enum BodyKind {
  ASSEMBLY,
  EXECUTIVE_COMMITTEE,
  CHAMBER,
  COMMITTEE,
  WORKING_GROUP
}
