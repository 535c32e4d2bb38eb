package eu.municipia.identity.control;

import eu.municipia.identity.entity.LoginSession;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The Keycloak sessions that ended, as every replica must know them: Keycloak's back-channel logout
 * reaches one replica, which writes a row to the shared {@code ended_login} table and knows at
 * once; every replica reads the rows received since its last look, at most every {@code
 * auth.logout-poll-seconds}, so a session on any replica ends within that time. The check on each
 * request is a look-up in memory; one small query per poll interval and replica goes to the
 * database, in the request that finds the copy stale.
 *
 * <p>Why a table rather than the replicated sessions themselves: the logout names a Keycloak
 * session, not our web session ids, and a web session lives wherever the data grid keeps it; the
 * next request of that session, on whichever replica, is where it can be ended.
 */
@ApplicationScoped
public class EndedLogins {

  private static final Logger LOG = Logger.getLogger(EndedLogins.class.getName());
  private static final Duration OVERLAP = Duration.ofSeconds(30);
  private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  @Inject SessionPolicy policy;
  @Inject Clock clock;

  /** Keycloak session id to when it ended. */
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();

  /** Issuer and subject to the latest time all of its sessions ended. */
  private final Map<String, Instant> subjects = new ConcurrentHashMap<>();

  private final ReentrantLock polling = new ReentrantLock();
  private volatile Instant lastPoll;
  private volatile Instant lastCleanUp = Instant.EPOCH;

  /** Records a logout that Keycloak reported here, for this replica and the others. */
  public void record(LogoutTokens.Ended ended) {
    remember(ended.issuer(), ended.sid().orElse(null), ended.subject().orElse(null), ended.at());
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO ended_login (issuer, sid, subject, ended_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, ended.issuer());
      ps.setString(2, ended.sid().orElse(null));
      ps.setString(3, ended.subject().orElse(null));
      ps.setTimestamp(4, Timestamp.from(ended.at()));
      ps.executeUpdate();
    } catch (SQLException e) {
      // This replica knows; the others still end the session when they next ask Keycloak.
      throw new IllegalStateException("The logout could not be recorded for the other replicas", e);
    }
  }

  /** Whether Keycloak ended the session this login rests on. */
  public boolean ended(LoginSession login) {
    pollIfStale();
    if (login.keycloakSessionId() != null && sessions.containsKey(login.keycloakSessionId())) {
      return true;
    }
    Instant all = subjects.get(key(login.caller().issuer(), login.caller().subject()));
    return all != null && !login.issuedAt().isAfter(all);
  }

  private void pollIfStale() {
    Instant now = Instant.now(clock);
    Instant last = lastPoll;
    if (last != null && now.isBefore(last.plus(policy.logoutPoll()))) {
      return;
    }
    if (!polling.tryLock()) {
      return; // another request of this replica is reading them now
    }
    try {
      // Rows are stamped by the database's clock; read back further than the last look, so that
      // a row committed late or a clock a little off is not missed.
      Duration window =
          last == null
              ? policy.lifetime()
              : Duration.between(last, now).plus(policy.logoutPoll()).plus(OVERLAP);
      read(window);
      forgetOlderThan(now.minus(policy.lifetime()).minus(OVERLAP));
      lastPoll = now;
      if (now.isAfter(lastCleanUp.plus(CLEAN_UP_EVERY))) {
        cleanUp();
        lastCleanUp = now;
      }
    } catch (SQLException e) {
      // Keep what is known and try again at the next request; say so, once per poll interval.
      lastPoll = now;
      LOG.log(Level.WARNING, "Could not read the ended logins; trying again shortly", e);
    } finally {
      polling.unlock();
    }
  }

  private void read(Duration window) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT issuer, sid, subject, ended_at FROM ended_login"
                    + " WHERE received_at > now() - make_interval(secs => ?)")) {
      ps.setLong(1, window.toSeconds() + 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          remember(
              rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant());
        }
      }
    }
  }

  private void cleanUp() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM ended_login WHERE received_at < now() - make_interval(secs => ?)")) {
      ps.setLong(1, policy.lifetime().plus(CLEAN_UP_EVERY).toSeconds());
      ps.executeUpdate();
    }
  }

  private void remember(String issuer, String sid, String subject, Instant at) {
    if (sid != null) {
      sessions.merge(sid, at, (a, b) -> a.isAfter(b) ? a : b);
    } else if (subject != null) {
      subjects.merge(key(issuer, subject), at, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /** No login lives longer than its lifetime, so older ends concern no session any more. */
  private void forgetOlderThan(Instant cutoff) {
    sessions.values().removeIf(at -> at.isBefore(cutoff));
    subjects.values().removeIf(at -> at.isBefore(cutoff));
  }

  private static String key(String issuer, String subject) {
    return issuer + " " + subject;
  }
}
