package eu.municipia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long the database may keep one transaction waiting: for a statement (statement_timeout) and
 * for a lock (lock_timeout). Every tenant transaction gets the short limits of a page or an API
 * read, set in the same round trip that binds the tenant ({@code TransactionEntityManager}); work
 * that is long by nature (an import, a send, a report) asks for the long limits explicitly, for its
 * own transaction only. A limit that is hit ends the statement with a timeout, which {@link
 * Outages} answers with 503: one slow query or one held lock cannot keep every pooled connection.
 * The pool's own wait for a free connection is in WEB-INF/web.xml.
 */
@ApplicationScoped
public class DatabaseLimits {

  /** Sets both limits for the rest of the transaction (is_local = true). */
  private static final String SET_LIMITS =
      "SELECT set_config('statement_timeout', ?, true), set_config('lock_timeout', ?, true)";

  @Inject
  @ConfigProperty(name = "db.statement-timeout-ms", defaultValue = "5000")
  int statementMillis;

  @Inject
  @ConfigProperty(name = "db.lock-timeout-ms", defaultValue = "2000")
  int lockMillis;

  @Inject
  @ConfigProperty(name = "db.long-work.statement-timeout-ms", defaultValue = "300000")
  int longStatementMillis;

  @Inject
  @ConfigProperty(name = "db.long-work.lock-timeout-ms", defaultValue = "30000")
  int longLockMillis;

  /** statement_timeout of a request's transaction, as set_config takes it (milliseconds). */
  public String statementTimeout() {
    return Integer.toString(statementMillis);
  }

  /** lock_timeout of a request's transaction, as set_config takes it (milliseconds). */
  public String lockTimeout() {
    return Integer.toString(lockMillis);
  }

  /** The long limits for the rest of this connection's transaction (imports, sends, reports). */
  public void allowLongWork(Connection inTransaction) throws SQLException {
    try (PreparedStatement set = inTransaction.prepareStatement(SET_LIMITS)) {
      set.setString(1, Integer.toString(longStatementMillis));
      set.setString(2, Integer.toString(longLockMillis));
      set.execute();
    }
  }

  /** The long limits for the rest of the current transaction of this EntityManager. */
  public void allowLongWork(EntityManager inTransaction) {
    try {
      allowLongWork(inTransaction.unwrap(Connection.class));
    } catch (SQLException e) {
      throw new jakarta.persistence.PersistenceException("Could not set the long limits", e);
    }
  }
}
