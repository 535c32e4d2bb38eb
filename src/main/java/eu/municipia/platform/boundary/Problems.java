package eu.municipia.platform.boundary;

import eu.municipia.platform.control.ProblemWriter;
import eu.municipia.platform.control.Texts;
import eu.municipia.platform.entity.Problem;
import eu.municipia.platform.entity.Refusal;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns a problem into a JAX-RS answer (exception mappers, resources); {@link
 * ProblemWriter} writes the same to a servlet response for the filters and the authentication
 * mechanism, which answer before JAX-RS runs. Both add the same headers: a bearer challenge with
 * 401 and Retry-After with 503.
 */
public final class Problems {

  private Problems() {}

  public static Problem of(int status, String detail) {
    return Problem.of(status, detail);
  }

  public static Problem of(int status, String detail, List<Problem.FieldError> errors) {
    return Problem.of(status, detail, errors);
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
      builder.header("Retry-After", ProblemWriter.RETRY_AFTER_SECONDS);
    }
    return builder.build();
  }

  public static Response response(int status, String detail) {
    return response(of(status, detail));
  }
}
