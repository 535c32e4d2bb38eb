package eu.municipia.platform.entity;

import java.util.Locale;
import java.util.Objects;

/**
 * A country whose municipality register the platform holds (ISO 3166 alpha-2 code), with its names
 * and its own terms in each language of the pages.
 */
public record Country(String code, String nameCs, String nameEn, Terms cs, Terms en) {

  public Country {
    Objects.requireNonNull(code, "Country code is required.");
    if (!code.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("A country code is two capital letters: " + code);
    }
    Objects.requireNonNull(nameCs, "Czech name is required.");
    Objects.requireNonNull(nameEn, "English name is required.");
    Objects.requireNonNull(cs, "Czech terms are required.");
    Objects.requireNonNull(en, "English terms are required.");
  }

  public Terms terms(Locale locale) {
    return "en".equals(locale.getLanguage()) ? en : cs;
  }

  public String name(Locale locale) {
    return "en".equals(locale.getLanguage()) ? nameEn : nameCs;
  }
}
