package eu.municipia.platform.boundary;

import eu.municipia.platform.control.Texts;
import eu.municipia.platform.entity.Problem;
import eu.municipia.platform.entity.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns a problem into an answer: as a JAX-RS response (exception mappers,
 * resources) or written straight to a servlet response (filters and the authentication mechanism,
 * which answer before JAX-RS runs). Both add the same headers: a bearer challenge with 401 and
 * Retry-After with 503.
 */
public final class Problems {

  /** Seconds a client should wait before asking again after a 503. */
  static final int RETRY_AFTER_SECONDS = 5;

  private Problems() {}

  public static Problem of(int status, String detail) {
    return Problem.of(status, title(status), detail);
  }

  public static Problem of(int status, String detail, List<Problem.FieldError> errors) {
    return new Problem("about:blank", title(status), status, detail, errors);
  }

  /** A refusal of the rules, its field messages in English (the API's language). */
  public static Problem of(Refusal refusal) {
    Texts english = Texts.english();
    Object[] arguments = refusal.arguments();
    List<Problem.FieldError> errors =
        refusal.fields().entrySet().stream()
            .map(e -> new Problem.FieldError(e.getKey(), english.text(e.getValue(), arguments)))
            .toList();
    String detail =
        errors.size() == 1 && refusal.kind() == Refusal.Kind.INVALID
            ? errors.get(0).message()
            : refusal.getMessage();
    return of(refusal.kind().status(), detail, errors);
  }

  /** Field name to message key, as a {@link eu.municipia.platform.entity.Validated} gives them. */
  public static Problem invalid(Map<String, String> fieldKeys) {
    return of(Refusal.invalid(fieldKeys));
  }

  public static Response response(Problem problem) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"municipia\"");
    }
    if (problem.status() == 503) {
      builder.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    return builder.build();
  }

  public static Response response(int status, String detail) {
    return response(of(status, detail));
  }

  /** Writes the problem as the whole answer of a servlet response that is not yet committed. */
  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    if (problem.status() == 401 && response.getHeader("WWW-Authenticate") == null) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"municipia\"");
    }
    if (problem.status() == 503) {
      response.setIntHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem.toJson());
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }
}
