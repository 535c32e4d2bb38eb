package eu.municipia.platform.boundary;

import eu.municipia.platform.entity.Problem;
import jakarta.ws.rs.BadRequestException;
import java.util.List;

/** A 400 that names the fields at fault, for checks that Bean Validation cannot express. */
public class ValidationProblem extends BadRequestException {

  private final List<Problem.FieldError> errors;

  public ValidationProblem(String field, String message) {
    super(message);
    this.errors = List.of(new Problem.FieldError(field, message));
  }

  /** Several fields at once, so a form shows every problem in one round trip. */
  public ValidationProblem(List<Problem.FieldError> errors) {
    super(
        errors.size() == 1
            ? errors.get(0).message()
            : "The request has " + errors.size() + " invalid fields.");
    this.errors = List.copyOf(errors);
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
