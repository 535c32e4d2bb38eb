package eu.municipia.dues.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that the dues rules refuse. Each field's problem is a message key, so a page shows it in
 * the reader's language beside the field and the API in English.
 */
public class InvalidDuesException extends RuntimeException {

  private final Map<String, String> errors;

  public InvalidDuesException(Map<String, String> errors) {
    super("Invalid dues input: " + errors);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("An invalid input names at least one field.");
    }
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public InvalidDuesException(String field, String messageKey) {
    this(Map.of(field, messageKey));
  }

  /** Field name to message key. */
  public Map<String, String> errors() {
    return errors;
  }
}
