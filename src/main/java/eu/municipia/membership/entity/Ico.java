package eu.municipia.membership.entity;

import java.util.Objects;

/**
 * An organization's identification number (IČO): eight digits, the last a check digit (weights 8 to
 * 2 over the first seven, modulo 11).
 */
public record Ico(String value) {

  public Ico {
    Objects.requireNonNull(value, "IČO is required.");
    if (!isValid(value)) {
      throw new IllegalArgumentException("Not a valid IČO: " + value);
    }
  }

  public static boolean isValid(String candidate) {
    if (candidate == null || !candidate.matches("\\d{8}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      sum += (candidate.charAt(i) - '0') * (8 - i);
    }
    int rest = sum % 11;
    int check = rest == 0 ? 1 : rest == 1 ? 0 : 11 - rest;
    return candidate.charAt(7) - '0' == check;
  }

  @Override
  public String toString() {
    return value;
  }
}
