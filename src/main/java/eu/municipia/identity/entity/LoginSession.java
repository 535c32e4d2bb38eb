package eu.municipia.identity.entity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A browser login as the web session keeps it: the caller Keycloak vouched for, the tokens to ask
 * Keycloak again (refresh) and to end its session (the ID token as logout hint), and the times that
 * bound it. Immutable and Serializable: sessions cross replicas through the data grid, and a
 * changed login is stored again (setAttribute), which is what replicates it.
 *
 * <p>Invariants: a login never outlives its absolute lifetime, counted from the moment the person
 * authenticated at Keycloak; between confirmations by Keycloak it is trusted for one interval; when
 * Keycloak cannot be reached it is trusted for a bounded grace after the last confirmation, never
 * longer.
 *
 * @param keycloakSessionId the {@code sid} of the tokens: a back-channel logout names it
 * @param authenticatedAt when the person last authenticated ({@code auth_time})
 * @param issuedAt when Keycloak issued the login's ID token, on Keycloak's clock: a logout of all
 *     of a subject's sessions ends the logins issued before it
 * @param confirmedAt when Keycloak last confirmed the caller (login or refresh)
 * @param nextCheckAt when to ask Keycloak again
 */
public record LoginSession(
    Caller caller,
    String idToken,
    String refreshToken,
    String keycloakSessionId,
    Instant authenticatedAt,
    Instant issuedAt,
    Instant confirmedAt,
    Instant nextCheckAt)
    implements Serializable {

  public LoginSession {
    Objects.requireNonNull(caller, "caller is required");
    Objects.requireNonNull(authenticatedAt, "authenticatedAt is required");
    Objects.requireNonNull(issuedAt, "issuedAt is required");
    Objects.requireNonNull(confirmedAt, "confirmedAt is required");
    Objects.requireNonNull(nextCheckAt, "nextCheckAt is required");
  }

  /** A login just completed: confirmed now, to be checked again after the interval. */
  public static LoginSession begin(
      Caller caller,
      String idToken,
      String refreshToken,
      String keycloakSessionId,
      Instant authenticatedAt,
      Instant issuedAt,
      Instant now,
      Duration interval) {
    return new LoginSession(
        caller,
        idToken,
        refreshToken,
        keycloakSessionId,
        authenticatedAt,
        issuedAt,
        now,
        now.plus(interval));
  }

  /**
   * Whether the login is older than the absolute lifetime: then it ends, whatever Keycloak says.
   */
  public boolean expired(Instant now, Duration lifetime) {
    return !now.isBefore(authenticatedAt.plus(lifetime));
  }

  /** Whether it is time to ask Keycloak whether the caller is still who they were. */
  public boolean due(Instant now) {
    return !now.isBefore(nextCheckAt);
  }

  /**
   * Keycloak confirmed the caller (a refresh): what it says now replaces what it said, the roles
   * and associations included. Tokens Keycloak did not renew stay as they were.
   */
  public LoginSession confirmed(
      Caller now, String newIdToken, String newRefreshToken, Instant at, Duration interval) {
    if (!caller.subject().equals(now.subject()) || !caller.issuer().equals(now.issuer())) {
      throw new IllegalArgumentException("A refresh cannot change who is logged in.");
    }
    return new LoginSession(
        now,
        newIdToken == null ? idToken : newIdToken,
        newRefreshToken == null ? refreshToken : newRefreshToken,
        keycloakSessionId,
        authenticatedAt,
        issuedAt,
        at,
        at.plus(interval));
  }

  /**
   * Keycloak could not be reached to confirm the caller. Within the grace after the last
   * confirmation the login is kept and asked about again after {@code retry} (an outage of the
   * identity provider should not throw everyone out of their work at once); beyond it, it ends
   * (empty), so a person removed meanwhile does not keep access for as long as Keycloak is down.
   */
  public Optional<LoginSession> unconfirmed(Instant now, Duration grace, Duration retry) {
    if (!now.isBefore(confirmedAt.plus(grace))) {
      return Optional.empty();
    }
    Instant next = now.plus(retry);
    Instant graceEnds = confirmedAt.plus(grace);
    return Optional.of(
        new LoginSession(
            caller,
            idToken,
            refreshToken,
            keycloakSessionId,
            authenticatedAt,
            issuedAt,
            confirmedAt,
            next.isAfter(graceEnds) ? graceEnds : next));
  }
}
