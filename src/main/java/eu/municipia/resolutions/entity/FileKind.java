package eu.municipia.resolutions.entity;

/** Minutes of a meeting, or material for its members ahead of it. */
public enum FileKind {
  MINUTES,
  MATERIAL
}
