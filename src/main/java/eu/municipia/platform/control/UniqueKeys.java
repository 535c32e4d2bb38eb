package eu.municipia.platform.control;

import eu.municipia.platform.entity.Refusal;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Two people who create the same thing at the same moment (the same year's rate, the same
 * registration) both pass the check that it does not exist yet; the database's unique key lets one
 * win. Flushing here makes the loser's insert fail inside the use case, where it becomes a conflict
 * (409) with a message to act on, rather than a failed commit (500) after it.
 */
public final class UniqueKeys {

  /** PostgreSQL's SQLSTATE for a unique violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueKeys() {}

  /** Writes what is pending now; a unique key violated by it becomes the given refusal. */
  public static void flush(EntityManager em, Supplier<Refusal> onDuplicate) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw onDuplicate.get();
      }
      throw e;
    }
  }

  static boolean isUniqueViolation(Throwable e) {
    return Causes.any(
        e, t -> t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()));
  }
}
