package eu.municipia.seminars.entity;

/** What kind of event an association holds. */
public enum EventKind {
  SEMINAR,
  WORKSHOP,
  STUDY_VISIT,
  CONFERENCE,
  WEBINAR
}
