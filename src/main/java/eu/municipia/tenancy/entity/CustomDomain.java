package eu.municipia.tenancy.entity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An association's own host name (e.g. {@code obce.smopk.cz}), under which its pages are served at
 * {@code /} and to which its links point. A plain DNS name: lower case, labels of letters, digits
 * and inner hyphens (an international name in its xn-- form), at least two labels, no scheme, port,
 * path or IP address.
 */
public final class CustomDomain {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final int MAX_LENGTH = 253;

  private CustomDomain() {}

  /** As typed, in the form kept: trimmed, lower case, without a final dot; null for blank. */
  public static String normalized(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String host = typed.strip().toLowerCase(Locale.ROOT);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  public static boolean isWellFormed(String host) {
    if (host == null || host.isEmpty() || host.length() > MAX_LENGTH) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    // A top-level domain is never all digits: that would be an IPv4 address.
    return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
  }
}
