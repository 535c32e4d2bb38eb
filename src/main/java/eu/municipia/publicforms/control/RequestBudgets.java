package eu.municipia.publicforms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-window budgets kept in PostgreSQL, so that every replica counts against the same limit. One
 * statement per spend (an upsert that answers the new count): no lock is held beyond it, and it
 * runs in a transaction of its own, so a submission that fails later still counts.
 *
 * <p>Own code rather than Bucket4j: its PostgreSQL back end manages connections and transactions
 * itself, which sits badly inside the container's JTA transactions, and a fixed window needs no
 * more than this one statement.
 */
@ApplicationScoped
public class RequestBudgets {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @Inject EntityManager em;
  @Inject Clock clock;

  /**
   * Spends one unit of the key's budget in the current window; answers whether it was within the
   * limit (the unit is counted either way).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean spend(String key, int limit, Duration window) {
    Instant now = Instant.now(clock);
    long size = window.toMillis();
    Instant start = Instant.ofEpochMilli(now.toEpochMilli() / size * size);
    Number used =
        (Number)
            em.createNativeQuery(
                    "INSERT INTO request_budget (key, window_start, used) VALUES (?1, ?2, 1)"
                        + " ON CONFLICT (key, window_start)"
                        + " DO UPDATE SET used = request_budget.used + 1"
                        + " RETURNING used")
                .setHint(NATIVE, true)
                .setParameter(1, key)
                .setParameter(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .getSingleResult();
    if (used.intValue() == 1) {
      forgetOldWindows(now);
    }
    return used.intValue() <= limit;
  }

  /** A new window began: windows older than a day are of no use any more. */
  private void forgetOldWindows(Instant now) {
    em.createNativeQuery("DELETE FROM request_budget WHERE window_start < ?1")
        .setHint(NATIVE, true)
        .setParameter(1, OffsetDateTime.ofInstant(now.minus(Duration.ofDays(1)), ZoneOffset.UTC))
        .executeUpdate();
  }
}
