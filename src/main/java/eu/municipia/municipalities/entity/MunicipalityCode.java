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

  /**
   * The national codes of the V4 registers: Slovakia's 6-digit kód obce, Poland's 7-digit TERYT,
   * Hungary's 5-digit KSH code. Any other country: digits, at most 12.
   */
  private static final java.util.Map<String, Pattern> NATIONAL_CODES =
      java.util.Map.of(
          "CZ", CZECH_CODE,
          "SK", Pattern.compile("\\d{6}"),
          "PL", Pattern.compile("\\d{7}"),
          "HU", Pattern.compile("\\d{5}"));

  private static final Pattern OTHER_CODE = Pattern.compile("\\d{1,12}");

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

  /** Whether the code has the form of the country's national codes (see NATIONAL_CODES). */
  public static boolean isValid(String country, String code) {
    if (code == null || code.isBlank()) {
      return false;
    }
    return NATIONAL_CODES.getOrDefault(country, OTHER_CODE).matcher(code).matches();
  }

  @Override
  public String toString() {
    return country + "-" + code;
  }
}
