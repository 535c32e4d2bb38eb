package eu.municipia.resolutions.entity;

/** What a resolution decides; a body may ask another majority for some types (statutes...). */
public enum ResolutionType {
  GENERAL,
  BUDGET,
  DUES,
  ELECTION,
  STATUTES,
  NOTE
}
