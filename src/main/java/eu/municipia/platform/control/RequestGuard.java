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
 * mechanism runs before the servlet filters): the security headers, the start of its timing, the
 * refusal of a path that is not canonical ({@link RequestPath}) and of a form larger than the pages
 * take.
 */
@ApplicationScoped
public class RequestGuard {

  private static final String ADMITTED = RequestGuard.class.getName() + ".admitted";

  /**
   * The most a page's form may carry: web.xml's max-request-size for the Faces servlet (26 MiB;
   * RequestGuardTest keeps the two equal). Past it the container refuses to read the form's
   * parameters, and Faces would fail with a 500 on the first one it asks for.
   */
  public static final long MAX_FORM_BYTES = 27_262_976;

  /** The same in MiB, as the refusal says it. */
  private static final long MAX_FORM_MIB = MAX_FORM_BYTES / (1024 * 1024);

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
    boolean canonical = RequestPath.of(request).isPresent();
    boolean fits =
        canonical && !formTooLarge(request.getContentType(), request.getContentLengthLong());
    request.setAttribute(ADMITTED, fits);
    if (!canonical) {
      refuse(request, response);
    } else if (!fits) {
      refuseTooLarge(request, response);
    }
    if (!fits) {
      metrics.finish(request, response);
    }
    return fits;
  }

  /** A multipart form that says it is larger than the pages take. */
  static boolean formTooLarge(String contentType, long contentLength) {
    return contentType != null
        && contentType.regionMatches(
            true, 0, "multipart/form-data", 0, "multipart/form-data".length())
        && contentLength > MAX_FORM_BYTES;
  }

  /**
   * 413 for a form too large to read (also for one whose size the container found out only while
   * reading it: {@code WebWall}). Written here rather than by the error page, because Faces would
   * read the same form's parameters again to render that page, and fail on the same size.
   */
  public static void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) {
    try {
      if (apiCall(request)) {
        ProblemWriter.write(
            response,
            Problem.of(
                413, "The request is larger than the " + MAX_FORM_MIB + " MiB a form may be."));
        return;
      }
      response.setStatus(413);
      response.setContentType("text/html;charset=UTF-8");
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"cs\"><head><meta charset=\"utf-8\">"
                  + "<title>Formulář je příliš velký</title></head><body>"
                  + "<h1>Odeslaný formulář je příliš velký</h1>"
                  + "<p>Soubory v jednom formuláři mohou mít dohromady nejvýš "
                  + MAX_FORM_MIB
                  + " MiB. Vraťte se zpět a zvolte menší soubor.</p>"
                  + "<p lang=\"en\">The form sent is too large: the files of one form may have"
                  + " at most "
                  + MAX_FORM_MIB
                  + " MiB together. Go back and choose a smaller file.</p>"
                  + "</body></html>");
    } catch (IOException | IllegalStateException clientGoneOrCommitted) {
      // Nothing more can be said to this client.
    }
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

  /** An API call, told by its raw path (a refused path is not canonical, so not resolved). */
  private static boolean apiCall(HttpServletRequest request) {
    String raw = request.getRequestURI();
    return raw != null && raw.startsWith(request.getContextPath() + "/api/");
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response) {
    try {
      if (apiCall(request)) {
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
