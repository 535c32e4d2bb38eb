package eu.municipia.platform.boundary;

import eu.municipia.platform.entity.Problem;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every API error leaves as application/problem+json; nothing leaks a stack trace. */
public final class ProblemMappers {

  private ProblemMappers() {}

  static Response response(Problem problem) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"municipia\"");
    }
    return builder.build();
  }

  /** 4xx and 5xx that resources and filters throw on purpose. */
  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response.StatusType status = e.getResponse().getStatusInfo();
      String detail =
          e instanceof ValidationProblem vp
              ? vp.getMessage()
              : (status.getStatusCode() >= 500 ? null : e.getMessage());
      List<Problem.FieldError> errors = e instanceof ValidationProblem vp ? vp.errors() : List.of();
      return response(
          new Problem(
              "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors));
    }
  }

  /** Bean Validation on resource parameters: 400 with one entry per field. */
  @Provider
  public static class ConstraintViolations
      implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Problem.FieldError> errors =
          e.getConstraintViolations().stream().map(ConstraintViolations::fieldError).toList();
      return response(
          new Problem(
              "about:blank", "Bad Request", 400, "The request has invalid fields.", errors));
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> v) {
      String path = v.getPropertyPath().toString();
      String field = path.substring(path.lastIndexOf('.') + 1);
      return new Problem.FieldError(field, v.getMessage());
    }
  }

  /**
   * A request body that is not the JSON the call expects (malformed, or text where a number
   * belongs): the caller's mistake, so 400, not 500. Other processing failures stay unexpected.
   */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof JsonbException || cause instanceof JsonException) {
          return response(
              Problem.of(
                  400, "Bad Request", "The request body is not the JSON this call expects."));
        }
      }
      return new Unexpected().toResponse(e);
    }
  }

  /** Anything else is our bug: logged in full, answered without details. */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof WebApplicationException wae) {
        return new WebApplication().toResponse(wae);
      }
      LOG.log(Level.SEVERE, "Unexpected error in an API call", e);
      return response(Problem.of(500, "Internal Server Error", "An unexpected error occurred."));
    }
  }
}
