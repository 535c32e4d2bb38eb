package eu.municipia.publicforms.control;

import eu.municipia.platform.entity.Refusal;
import java.util.Map;

/** A public form sent more often than its budget allows: try again later (429). */
public class TooManySubmissionsException extends Refusal {

  public TooManySubmissionsException(String form) {
    super(
        Kind.TOO_MANY,
        "Too many submissions of the " + form + " form; try again later.",
        Map.of("form", "publicForms.error.tooMany"));
  }
}
