package eu.municipia.platform.control;

import eu.municipia.platform.entity.Terms;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The platform's texts (the {@code messages} bundle the pages know as {@code msg}) in one language,
 * for the places outside a page that speak to people: problem+json field messages (English) and
 * refusals shown on pages. A "key" that the bundle does not hold is taken as the text itself, so a
 * control class may refuse with a plain English sentence where no translation exists yet. A text
 * that names a country's terms ({@code {district.one}}) gets those of the request's country.
 */
public final class Texts {

  public static final String BUNDLE = "eu.municipia.platform.boundary.messages";

  private final ResourceBundle bundle;
  private final Locale locale;
  private Terms terms;

  private Texts(ResourceBundle bundle, Locale locale, Terms terms) {
    this.bundle = bundle;
    this.locale = locale;
    this.terms = terms;
  }

  /** The texts of a language, with the terms of the request's country where a text needs them. */
  public static Texts of(Locale locale) {
    return new Texts(ResourceBundle.getBundle(BUNDLE, locale), locale, null);
  }

  public static Texts of(Locale locale, Terms terms) {
    return new Texts(ResourceBundle.getBundle(BUNDLE, locale), locale, terms);
  }

  public static Texts english() {
    return of(Locale.ENGLISH);
  }

  /** The text of a key (or the key itself), its placeholders filled with the arguments. */
  public String text(String key, Object... arguments) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException notAKey) {
      pattern = key;
    }
    if (Terms.names(pattern)) {
      if (terms == null) {
        terms = CurrentTerms.of(locale);
      }
      return terms.fill(pattern, bundle.getLocale(), arguments);
    }
    return arguments == null || arguments.length == 0
        ? pattern
        : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
  }
}
