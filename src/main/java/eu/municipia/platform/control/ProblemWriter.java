package eu.municipia.platform.control;

import eu.municipia.platform.entity.Problem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem as the whole answer of a servlet response, for what answers before JAX-RS runs
 * (the request guard, the authentication mechanism, the tenant filter), with the same headers as
 * the API's own problems: a bearer challenge with 401, Retry-After with 503.
 */
public final class ProblemWriter {

  /** Seconds a client should wait before asking again after a 503. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private ProblemWriter() {}

  /** Writes it, unless the client is gone or the answer has begun (then nothing can be said). */
  public static void write(HttpServletResponse response, Problem problem) {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(problem.status());
    if (problem.status() == 401 && response.getHeader("WWW-Authenticate") == null) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"municipia\"");
    }
    if (problem.status() == 503) {
      response.setIntHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    try {
      response.getWriter().write(problem.toJson());
    } catch (IOException clientGone) {
      // Nothing more can be said to this client.
    }
  }
}
