package eu.municipia.municipalities.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A municipality's official identity: its country and its national code (Czechia: the 6-digit kód
 * obce of ČSÚ/RÚIAN). Names are not unique (three places are called Adamov); codes are.
 */
public record MunicipalityCode(String country, String code) {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern CZECH_CODE = Pattern.compile("\\d{6}");

  public MunicipalityCode {
    Objects.requireNonNull(country, "Country is required.");
    Objects.requireNonNull(code, "Municipality code is required.");
    if (!COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException("Not a country code (ISO 3166 alpha-2): " + country);
    }
    if (!isValid(country, code)) {
      throw new IllegalArgumentException("Not a municipality code of " + country + ": " + code);
    }
  }

  /** Czech codes have six digits; other countries' rules come with their first union. */
  public static boolean isValid(String country, String code) {
    if (code == null || code.isBlank()) {
      return false;
    }
    return !"CZ".equals(country) || CZECH_CODE.matcher(code).matches();
  }

  @Override
  public String toString() {
    return country + "-" + code;
  }
}
