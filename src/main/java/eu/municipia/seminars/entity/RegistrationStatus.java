package eu.municipia.seminars.entity;

/**
 * Where a registration stands. Places are held by CONFIRMED and OFFERED registrations only; WAITING
 * ones wait in the order of their queue key.
 */
public enum RegistrationStatus {
  /** A public registration whose e-mail address is not confirmed yet: it counts for nothing. */
  UNCONFIRMED,
  /** Has its places. */
  CONFIRMED,
  /** Waits for places to free up. */
  WAITING,
  /** Was offered freed places, which are held for it until the offer expires. */
  OFFERED,
  /** Cancelled by the registrant or the admin, an offer declined or expired, or the event ended. */
  CANCELLED;

  /** Whether registrations in this state hold places of the event. */
  public boolean holdsPlaces() {
    return this == CONFIRMED || this == OFFERED;
  }

  /** Whether registrations in this state count (hold places or wait for them). */
  public boolean isLive() {
    return this == CONFIRMED || this == WAITING || this == OFFERED;
  }
}
