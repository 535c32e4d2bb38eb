package eu.municipia.resolutions.boundary;

import eu.municipia.platform.boundary.FormMessages;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * What the admin pages read from text fields (numbers, days, times): the value, or null with the
 * problem shown beside the field. Empty fields are null without a problem; the form's record says
 * whether it needs them.
 */
final class Inputs {

  private Inputs() {}

  static Integer number(String form, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      FormMessages.fieldError(form, field, "resolution.error.count");
      return null;
    }
  }

  static LocalDate day(String form, String field, String text, String key) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      FormMessages.fieldError(form, field, key);
      return null;
    }
  }

  static LocalTime time(String form, String field, String text, String key) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      FormMessages.fieldError(form, field, key);
      return null;
    }
  }

  /** A day typed into a table's row (no field message there): null where none or malformed. */
  static LocalDate dayOrNull(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A time typed into a table's row: null where none or malformed. */
  static LocalTime timeOrNull(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
