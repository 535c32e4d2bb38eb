package eu.municipia.platform.entity;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One e-mail address as a person types it into a form: a local part, an @ and a domain with a dot;
 * no display name, no list (commas, semicolons), no spaces, no angle brackets or quotes, at most
 * 254 characters. Stricter than RFC 5322 on purpose: what passes can be put in a To header as it
 * is.
 */
public record EmailAddress(String value) implements Serializable {

  private static final Pattern ADDRESS =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
              + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

  public EmailAddress {
    Objects.requireNonNull(value, "an e-mail address is required");
    value = value.trim();
    if (!isValid(value)) {
      throw new IllegalArgumentException("Not one e-mail address: " + value);
    }
  }

  /** Whether the text, trimmed, is exactly one address. */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    String address = text.trim();
    return address.length() <= 254
        && ADDRESS.matcher(address).matches()
        && !address.startsWith(".")
        && !address.contains("..")
        && !address.contains(".@");
  }

  /** The address in lower case, for comparing two addresses of the same mailbox. */
  public String normalized() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
