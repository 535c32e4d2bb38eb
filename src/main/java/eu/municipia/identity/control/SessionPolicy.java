package eu.municipia.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a browser login is trusted. What Keycloak said at login (the person's associations,
 * whether they may log in at all) is asked again with the refresh token every {@code
 * auth.revalidate-seconds}; no login outlives {@code auth.session-max-seconds} from the moment the
 * person authenticated; while Keycloak cannot be reached, a login is kept for at most {@code
 * auth.outage-grace-seconds} after Keycloak last confirmed it; a logout that Keycloak reported to
 * another replica is seen here within {@code auth.logout-poll-seconds}.
 */
@ApplicationScoped
public class SessionPolicy {

  @Inject
  @ConfigProperty(name = "auth.revalidate-seconds", defaultValue = "300")
  long revalidateSeconds;

  @Inject
  @ConfigProperty(name = "auth.session-max-seconds", defaultValue = "43200")
  long maxSeconds;

  @Inject
  @ConfigProperty(name = "auth.outage-grace-seconds", defaultValue = "900")
  long outageGraceSeconds;

  @Inject
  @ConfigProperty(name = "auth.logout-poll-seconds", defaultValue = "5")
  long logoutPollSeconds;

  /** How often Keycloak is asked again whether the caller is still who they were. */
  public Duration revalidation() {
    return Duration.ofSeconds(Math.max(1, revalidateSeconds));
  }

  /** The absolute lifetime of a login, from the moment the person authenticated. */
  public Duration lifetime() {
    return Duration.ofSeconds(Math.max(10, maxSeconds));
  }

  /** How long after Keycloak last confirmed a caller they are kept while it cannot be reached. */
  public Duration outageGrace() {
    return Duration.ofSeconds(Math.max(0, outageGraceSeconds));
  }

  /** How soon to ask an unreachable Keycloak again: not on every request of every session. */
  public Duration outageRetry() {
    Duration thirtySeconds = Duration.ofSeconds(30);
    return revalidation().compareTo(thirtySeconds) < 0 ? revalidation() : thirtySeconds;
  }

  /** How often each replica reads the logouts that reached the others. */
  public Duration logoutPoll() {
    return Duration.ofSeconds(Math.max(1, logoutPollSeconds));
  }
}
