package eu.municipia.platform.control;

import eu.municipia.platform.entity.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The first thing every request meets, in whichever layer sees it first (the authentication
 * mechanism runs before the servlet filters): the security headers, the start of its timing, and
 * the refusal of a path that is not canonical ({@link RequestPath}).
 */
@ApplicationScoped
public class RequestGuard {

  private static final String ADMITTED = RequestGuard.class.getName() + ".admitted";

  @Inject SecurityHeaders headers;
  @Inject RequestMetrics metrics;

  /**
   * Admits the request, or answers it with 400 and returns false. Idempotent: a second layer asking
   * again gets the first answer.
   */
  public boolean admit(HttpServletRequest request, HttpServletResponse response) {
    Object known = request.getAttribute(ADMITTED);
    if (known instanceof Boolean admitted) {
      return admitted;
    }
    metrics.start(request);
    useUtf8(request);
    headers.apply(request, response);
    boolean admitted = RequestPath.of(request).isPresent();
    request.setAttribute(ADMITTED, admitted);
    if (!admitted) {
      refuse(request, response);
      metrics.finish(request, response);
    }
    return admitted;
  }

  /**
   * Parameters are UTF-8 (web.xml says so too): before anything reads one, the mechanism included,
   * since a visitor has no session from which Faces could learn the charset.
   */
  private static void useUtf8(HttpServletRequest request) {
    if (request.getCharacterEncoding() == null) {
      try {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
      } catch (java.io.UnsupportedEncodingException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response) {
    try {
      String raw = request.getRequestURI();
      if (raw != null && raw.startsWith(request.getContextPath() + "/api/")) {
        ProblemWriter.write(
            response,
            Problem.of(
                400,
                "The path is not in its plain form (encoded slashes, dot segments or path"
                    + " parameters are not accepted)."));
      } else {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      }
    } catch (IOException | IllegalStateException clientGoneOrCommitted) {
      // Nothing more can be said to this client.
    }
  }
}
