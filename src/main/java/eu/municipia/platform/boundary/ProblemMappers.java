package eu.municipia.platform.boundary;

import eu.municipia.platform.control.Outages;
import eu.municipia.platform.entity.Problem;
import eu.municipia.platform.entity.Refusal;
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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every API error leaves as application/problem+json; nothing leaks a stack trace. */
public final class ProblemMappers {

  private ProblemMappers() {}

  static Response response(Problem problem) {
    return Problems.response(problem);
  }

  /** A request the rules refuse (entities and control classes): its kind's status, its fields. */
  @Provider
  public static class Refused implements ExceptionMapper<Refusal> {
    @Override
    public Response toResponse(Refusal e) {
      return response(Problems.of(e));
    }
  }

  /** 4xx and 5xx that resources and filters throw on purpose. */
  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Optional<String> parameter = unreadableParameter(e);
      if (parameter.isPresent()) {
        String message = parameter.get() + " is not of the type this call expects.";
        return response(
            Problems.of(400, message, List.of(new Problem.FieldError(parameter.get(), message))));
      }
      Response.StatusType status = e.getResponse().getStatusInfo();
      String detail =
          e instanceof ValidationProblem vp
              ? vp.getMessage()
              : (status.getStatusCode() >= 500 ? null : e.getMessage());
      List<Problem.FieldError> errors = e instanceof ValidationProblem vp ? vp.errors() : List.of();
      return response(Problems.of(status.getStatusCode(), detail, errors));
    }
  }

  /**
   * A path or query parameter that is not of its type ({@code offset=abc}): JAX-RS answers 404 for
   * those (its rule for path, query and matrix parameters), but the caller sent a wrong value, so
   * it is a 400 that names the parameter. Jersey's ParamException is not on our compile path; it is
   * recognised by name and asked for the parameter's name.
   */
  static Optional<String> unreadableParameter(WebApplicationException e) {
    if (!e.getClass().getName().startsWith("org.glassfish.jersey.server.ParamException")) {
      return Optional.empty();
    }
    try {
      Object name = e.getClass().getMethod("getParameterName").invoke(e);
      return Optional.of(String.valueOf(name));
    } catch (ReflectiveOperationException unexpected) {
      return Optional.of("parameter");
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
      return response(Problems.of(400, "The request has invalid fields.", errors));
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
          return response(Problems.of(400, "The request body is not the JSON this call expects."));
        }
      }
      return new Unexpected().toResponse(e);
    }
  }

  /**
   * Anything else is our bug: logged in full, answered without details. Except an outage of the
   * database, which is answered 503 with Retry-After.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof WebApplicationException wae) {
        return new WebApplication().toResponse(wae);
      }
      if (e instanceof Refusal refusal) {
        return new Refused().toResponse(refusal);
      }
      if (Outages.isDatabaseOutage(e)) {
        // Not our bug: the database is out of reach or busy (see Outages). Retry-After says when.
        LOG.log(
            Level.WARNING,
            () -> "The database did not answer an API call: " + Outages.rootCause(e));
        return response(Problems.of(503, Outages.unavailable(Outages.DATABASE)));
      }
      LOG.log(Level.SEVERE, "Unexpected error in an API call", e);
      return response(Problems.of(500, "An unexpected error occurred."));
    }
  }
}
