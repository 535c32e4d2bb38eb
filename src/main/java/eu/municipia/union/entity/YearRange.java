package eu.municipia.union.entity;

import eu.municipia.platform.entity.Validated;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The years a union's figures cover, first to last: each within 1900-2100, in order, at most {@link
 * #MAX_YEARS} of them (the database functions stop there too).
 */
public record YearRange(Integer first, Integer last) implements Validated {

  public static final int MAX_YEARS = 30;

  /** The last {@code years} years up to and including {@code current}. */
  public static YearRange upTo(int current, int years) {
    return new YearRange(current - years + 1, current);
  }

  /** The given bounds, each missing one taken from the default range. */
  public YearRange or(YearRange defaults) {
    return new YearRange(
        first == null ? defaults.first() : first, last == null ? defaults.last() : last);
  }

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (first == null || first < 1900 || first > 2100) {
      errors.put("from", "union.error.year");
    }
    if (last == null || last < 1900 || last > 2100) {
      errors.put("to", "union.error.year");
    }
    if (errors.isEmpty() && last < first) {
      errors.put("to", "union.error.order");
    }
    if (errors.isEmpty() && last - first >= MAX_YEARS) {
      errors.put("from", "union.error.span");
    }
    return errors;
  }
}
