package eu.municipia.resolutions.entity;

import java.util.regex.Pattern;

/**
 * How a body numbers its resolutions, e.g. {@code SV/{year}/{n}} gives SV/2026/14 and {@code
 * Sněm/{year}/{n}} gives Sněm/2026/3: {year} and {n} once each (numbers start again each year), the
 * rest letters, digits, spaces and . / - _.
 */
public record NumberPattern(String value) {

  public static final int MAX_LENGTH = 40;
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} ./_-]*");

  public NumberPattern {
    if (!isValid(value)) {
      throw new IllegalArgumentException("Not a number pattern: " + value);
    }
    value = value.trim();
  }

  public static boolean isValid(String pattern) {
    if (pattern == null || pattern.isBlank() || pattern.trim().length() > MAX_LENGTH) {
      return false;
    }
    String p = pattern.trim();
    if (count(p, "{year}") != 1 || count(p, "{n}") != 1) {
      return false;
    }
    return ALLOWED.matcher(p.replace("{year}", "").replace("{n}", "")).matches();
  }

  public String format(int year, int n) {
    return value.replace("{year}", Integer.toString(year)).replace("{n}", Integer.toString(n));
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  @Override
  public String toString() {
    return value;
  }
}
