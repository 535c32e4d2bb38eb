package eu.municipia.platform.control;

import eu.municipia.platform.entity.Problem;
import jakarta.resource.ResourceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A dependency that does not answer, or not in time, is an outage, not a bug: the caller gets 503
 * with Retry-After (problem+json for the API, the translated error page in the site's shell for
 * people), never a 500 or a stack trace, and asks again once it is back. This is where a failure is
 * recognised as one (PostgreSQL unreachable, the pool empty for its whole wait, a statement or lock
 * timeout) and the one answer for it that the servlet layers give.
 */
public final class Outages {

  private static final Logger LOG = Logger.getLogger(Outages.class.getName());

  /**
   * PostgreSQL's SQLSTATEs that say "not now" rather than "wrong": lock_not_available
   * (lock_timeout), query_canceled (statement_timeout), too_many_connections, admin/crash shutdown
   * and cannot_connect_now (a restart); the whole class 08 (connection exceptions) is checked
   * apart.
   */
  private static final Set<String> NOT_NOW =
      Set.of("55P03", "57014", "53300", "57P01", "57P02", "57P03");

  /** What the answers call the database. */
  public static final String DATABASE = "The database";

  /** What the answers call Keycloak. */
  public static final String LOGIN_SERVICE = "The login service";

  private Outages() {}

  /** Whether the failure, or anything that caused it, says the database is out of reach or busy. */
  public static boolean isDatabaseOutage(Throwable failure) {
    // Payara's pool that could not hand out a connection in its wait time (exhausted, or none can
    // be opened) says so with the connector API's exception, under the SQLException it wraps it in.
    return Causes.any(failure, t -> t instanceof ResourceException || isNotNow(t));
  }

  private static boolean isNotNow(Throwable t) {
    if (t instanceof SQLException sql) {
      for (SQLException s = sql; s != null; s = s.getNextException()) {
        String state = s.getSQLState();
        if (state != null && (state.startsWith("08") || NOT_NOW.contains(state))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Answers a request that an outage stopped: 503 with Retry-After, as a problem for the API and as
   * the error page for a person. Logs the cause in one line (an outage is expected, its stack trace
   * is noise); nothing is said if the answer has begun already.
   */
  public static void answer(
      HttpServletRequest request, HttpServletResponse response, String what, Throwable cause) {
    LOG.log(
        Level.WARNING,
        () -> what + " did not answer for " + request.getRequestURI() + ": " + rootCause(cause));
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      ProblemWriter.write(
          response, Problem.of(HttpServletResponse.SC_SERVICE_UNAVAILABLE, unavailable(what)));
      return;
    }
    response.setIntHeader("Retry-After", ProblemWriter.RETRY_AFTER_SECONDS);
    try {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    } catch (IOException | IllegalStateException clientGoneOrCommitted) {
      // Nothing more can be said to this client.
    }
  }

  /** The problem's detail: which dependency, and what to do. */
  public static String unavailable(String what) {
    return what + " is temporarily unavailable; try again in a few seconds.";
  }

  /** The innermost cause in one line, for the log (the outer layers repeat it, with SQL). */
  public static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
