package eu.municipia.platform.entity;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A country's own words for its units and its register's authority in one language ("okres" in
 * Czechia, "powiat" in Poland), which the texts name by token instead of saying "okres" outright:
 * {@code {district.many}}, {@code {Region.ofOne}} (capitalised), {@code {authority}}. So a second
 * country is data (the {@code country} table), never a new key in the bundle.
 */
public record Terms(Unit region, Unit district, String authority) {

  /**
   * A token of a text: a unit and its form, or the authority; a capital first letter asks for one.
   */
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\{(?:([rRdD])(?:egion|istrict)\\.(one|ofOne|inOne|many|ofMany)|([aA])uthority)}");

  /**
   * Where no country is known (a job without a request): neutral words, never a wrong country's.
   */
  public static Terms neutral(Locale locale) {
    return "en".equals(locale.getLanguage())
        ? new Terms(
            Unit.of("region", "regions"), Unit.of("district", "districts"), "the statistics office")
        : new Terms(
            new Unit("region", "regionu", "regionu", "regiony", "regionů"),
            new Unit("okres", "okresu", "okrese", "okresy", "okresů"),
            "statistický úřad");
  }

  public Terms {
    Objects.requireNonNull(region, "region is required");
    Objects.requireNonNull(district, "district is required");
    Objects.requireNonNull(authority, "authority is required");
  }

  /** Whether a text names a term, so that it must be filled through this class. */
  public static boolean names(String pattern) {
    return TOKEN.matcher(pattern).find();
  }

  /**
   * The text with its terms and then its arguments filled in. Without arguments the text is not a
   * MessageFormat pattern (as the pages' {@code msg} shows it), so only the terms are filled.
   */
  public String fill(String pattern, Locale locale, Object... arguments) {
    boolean formatted = arguments != null && arguments.length > 0;
    Matcher m = TOKEN.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word;
      boolean capital;
      if (m.group(3) != null) {
        word = authority;
        capital = m.group(3).equals("A");
      } else {
        Unit unit = Character.toLowerCase(m.group(1).charAt(0)) == 'r' ? region : district;
        word = unit.form(m.group(2));
        capital = Character.isUpperCase(m.group(1).charAt(0));
      }
      if (capital && !word.isEmpty()) {
        word = word.substring(0, 1).toUpperCase(locale) + word.substring(1);
      }
      // Quoted for MessageFormat: a term with an apostrophe or a brace stays as it is.
      m.appendReplacement(
          out, Matcher.quoteReplacement(formatted ? "'" + word.replace("'", "''") + "'" : word));
    }
    m.appendTail(out);
    return formatted ? new MessageFormat(out.toString(), locale).format(arguments) : out.toString();
  }

  /**
   * The forms of one unit that the texts use: singular nominative, genitive and locative ("okres",
   * "okresu", "v okrese"), plural nominative and genitive ("okresy", "okresů").
   */
  public record Unit(String one, String ofOne, String inOne, String many, String ofMany) {

    public static final List<String> FORMS = List.of("one", "ofOne", "inOne", "many", "ofMany");

    /** A language that declines no nouns (English): the singular and the plural. */
    public static Unit of(String one, String many) {
      return new Unit(one, one, one, many, many);
    }

    public Unit {
      for (String form : new String[] {one, ofOne, inOne, many, ofMany}) {
        if (form == null || form.isBlank()) {
          throw new IllegalArgumentException("Every form of a unit is required.");
        }
      }
    }

    public List<String> forms() {
      return List.of(one, ofOne, inOne, many, ofMany);
    }

    public static Unit of(List<String> forms) {
      return forms.size() == 2
          ? of(forms.get(0), forms.get(1))
          : new Unit(forms.get(0), forms.get(1), forms.get(2), forms.get(3), forms.get(4));
    }

    String form(String name) {
      return switch (name) {
        case "one" -> one;
        case "ofOne" -> ofOne;
        case "inOne" -> inOne;
        case "many" -> many;
        default -> ofMany;
      };
    }

    /** As the form takes it: the forms separated by commas. */
    @Override
    public String toString() {
      return one.equals(ofOne) && one.equals(inOne) && many.equals(ofMany)
          ? one + ", " + many
          : String.join(", ", forms());
    }
  }
}
