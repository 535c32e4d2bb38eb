package eu.municipia.resolutions.control;

import eu.municipia.platform.entity.Refusal;
import eu.municipia.resolutions.entity.Enums;
import eu.municipia.resolutions.entity.Outcome;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a reader of the register asks for: words (in double quotes, a phrase), a body, a year, an
 * outcome, and the state of the follow-up tasks (open, overdue, done, none). Every part optional.
 */
public record RegisterFilter(
    String query, UUID bodyId, Integer year, Outcome outcome, String tasks) {

  public static final java.util.List<String> TASK_STATES =
      java.util.List.of("open", "overdue", "done", "none");
  public static final int MAX_QUERY_LENGTH = 200;

  public static RegisterFilter none() {
    return new RegisterFilter(null, null, null, null, null);
  }

  /**
   * From the parameters of a request. Strictly for the API (an unknown value is refused naming the
   * field); leniently for a page, which ignores what it does not understand.
   */
  public static RegisterFilter of(
      String query, String body, String year, String outcome, String tasks, boolean strict) {
    Map<String, String> errors = new LinkedHashMap<>();
    String q = query == null || query.isBlank() ? null : query.trim();
    if (q != null && q.length() > MAX_QUERY_LENGTH) {
      errors.put("q", "register.error.query");
      q = q.substring(0, MAX_QUERY_LENGTH);
    }
    UUID bodyId = null;
    if (body != null && !body.isBlank()) {
      try {
        bodyId = UUID.fromString(body.trim());
      } catch (IllegalArgumentException e) {
        errors.put("body", "register.error.body");
      }
    }
    Integer y = null;
    if (year != null && !year.isBlank()) {
      try {
        y = Integer.valueOf(year.trim());
        if (y < 1990 || y > 2100) {
          errors.put("year", "resolutions.register.error.year");
          y = null;
        }
      } catch (NumberFormatException e) {
        errors.put("year", "resolutions.register.error.year");
      }
    }
    Outcome o = Enums.parse(Outcome.class, outcome).orElse(null);
    if (o == null && outcome != null && !outcome.isBlank()) {
      errors.put("outcome", "register.error.outcome");
    }
    String t = tasks == null || tasks.isBlank() ? null : tasks.trim().toLowerCase(Locale.ROOT);
    if (t != null && !TASK_STATES.contains(t)) {
      errors.put("tasks", "register.error.tasks");
      t = null;
    }
    if (strict && !errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
    return new RegisterFilter(q, bodyId, y, o, t);
  }

  public boolean hasQuery() {
    return query != null;
  }
}
