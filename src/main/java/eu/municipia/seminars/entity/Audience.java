package eu.municipia.seminars.entity;

/** Who may register for an event. */
public enum Audience {
  /** People of the association (logged in): member officials, the association's own staff. */
  MEMBERS,
  /** Anyone; the public confirms their e-mail address first. */
  PUBLIC
}
