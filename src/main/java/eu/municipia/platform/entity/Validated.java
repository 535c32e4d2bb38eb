package eu.municipia.platform.entity;

import java.util.Map;

/**
 * Input whose checks are written once, in the record that carries it, and used by the page and the
 * resource alike (as {@code ApplicationForm} first did): the page shows {@link #errors()} beside
 * the fields, the resource answers them as problem+json.
 */
public interface Validated {

  /** Field name to message key, in the order the form shows the fields; empty when valid. */
  Map<String, String> errors();

  /** Refuses the input with every field at fault, or does nothing when it is valid. */
  default void requireValid() {
    Map<String, String> errors = errors();
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
  }
}
