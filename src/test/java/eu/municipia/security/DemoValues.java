package eu.municipia.security;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real values for the path parameters of the matrix's endpoints, from the demo data and from what
 * the matrix made for itself: a parameter is known by its name and by the segment before it ({@code
 * /applications/{id}} is an application, {@code /officials/{id}} an official).
 */
final class DemoValues {

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  /** "applications/{id}" or "{tenant}" to the value. */
  private final Map<String, String> values;

  DemoValues(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** These values with some replaced. */
  DemoValues with(Map<String, String> replaced) {
    Map<String, String> all = new java.util.HashMap<>(values);
    all.putAll(replaced);
    return new DemoValues(all);
  }

  /** The target with every parameter filled in: {@code /api/v1/tenants/smopk/members/558966}. */
  String fill(String target) {
    return fill(target, false);
  }

  /**
   * The target with its last path parameter replaced by a value that names nothing ("0"), and no
   * query: sent by a caller who may call it, it must pass the wall and change nothing.
   */
  String inert(String target) {
    int query = target.indexOf('?');
    return fill(query < 0 ? target : target.substring(0, query), true);
  }

  private String fill(String target, boolean lastUnknown) {
    Matcher m = PARAMETER.matcher(target);
    int last = -1;
    while (m.find()) {
      last = m.start();
    }
    m.reset();
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      String value = m.start() == last && lastUnknown ? "0" : value(target, m);
      m.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    m.appendTail(filled);
    return filled.toString();
  }

  private String value(String target, Matcher parameter) {
    String before = target.substring(0, parameter.start());
    String segment =
        before.endsWith("/")
            ? before.substring(before.lastIndexOf('/', before.length() - 2) + 1)
            : "";
    String specific = values.get(segment + parameter.group());
    String general = values.get(parameter.group());
    if (specific == null && general == null) {
      throw new IllegalStateException(
          "The endpoint matrix has no value for "
              + segment
              + parameter.group()
              + " in "
              + target
              + ": add one where EndpointMatrixIT builds its DemoValues");
    }
    return specific != null ? specific : general;
  }
}
