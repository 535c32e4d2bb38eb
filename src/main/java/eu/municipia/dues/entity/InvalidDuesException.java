package eu.municipia.dues.entity;

import eu.municipia.platform.entity.Refusal;
import java.util.Map;

/**
 * Input that the dues rules refuse. Each field's problem is a message key, so a page shows it in
 * the reader's language beside the field and the API in English.
 */
public class InvalidDuesException extends Refusal {

  public InvalidDuesException(Map<String, String> errors) {
    super(Kind.INVALID, "Invalid dues input: " + errors.keySet(), requireSome(errors));
  }

  public InvalidDuesException(String field, String messageKey) {
    this(Map.of(field, messageKey));
  }

  /** Field name to message key. */
  public Map<String, String> errors() {
    return fields();
  }

  private static Map<String, String> requireSome(Map<String, String> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("An invalid input names at least one field.");
    }
    return errors;
  }
}
