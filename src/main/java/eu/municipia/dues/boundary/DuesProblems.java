package eu.municipia.dues.boundary;

import eu.municipia.dues.entity.InvalidDuesException;
import eu.municipia.dues.entity.PaymentCancelledException;
import eu.municipia.platform.boundary.ProblemMappers;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.platform.entity.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Dues rules broken by a request, as problem+json. */
public final class DuesProblems {

  static final String MESSAGES = "eu.municipia.platform.boundary.messages";

  private DuesProblems() {}

  /** The API speaks English: each field's message key in the English texts. */
  static List<Problem.FieldError> inEnglish(InvalidDuesException e) {
    ResourceBundle texts = ResourceBundle.getBundle(MESSAGES, Locale.ENGLISH);
    return e.errors().entrySet().stream()
        .map(error -> new Problem.FieldError(error.getKey(), texts.getString(error.getValue())))
        .toList();
  }

  /** Input the dues rules refuse: 400, naming every field at fault. */
  @Provider
  public static class Invalid implements ExceptionMapper<InvalidDuesException> {
    @Override
    public Response toResponse(InvalidDuesException e) {
      return new ProblemMappers.WebApplication().toResponse(new ValidationProblem(inEnglish(e)));
    }
  }

  /** Cancelling a payment that is cancelled already is a conflict (409). */
  @Provider
  public static class Cancelled implements ExceptionMapper<PaymentCancelledException> {
    @Override
    public Response toResponse(PaymentCancelledException e) {
      return Response.status(409)
          .type(Problem.MEDIA_TYPE)
          .entity(
              new Problem(
                  "about:blank",
                  "Conflict",
                  409,
                  e.getMessage(),
                  List.of(new Problem.FieldError("id", e.getMessage()))))
          .build();
    }
  }
}
