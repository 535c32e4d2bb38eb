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

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
