package eu.municipia.platform.entity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A country's names and terms as a platform admin gives them with the import of its register (the
 * import page's fields, the import API's query parameters). A unit is its forms separated by
 * commas: five ("okres, okresu, okrese, okresy, okresů": singular nominative, genitive, locative,
 * plural nominative, genitive) or, for a language that does not decline, two ("district,
 * districts"). Given at all, every field is required; given for a country the platform knows, it
 * replaces that country's terms.
 */
public record CountryForm(
    String nameCs,
    String nameEn,
    String regionCs,
    String regionEn,
    String districtCs,
    String districtEn,
    String authorityCs,
    String authorityEn)
    implements Validated {

  public static final List<String> FIELDS =
      List.of(
          "nameCs",
          "nameEn",
          "regionCs",
          "regionEn",
          "districtCs",
          "districtEn",
          "authorityCs",
          "authorityEn");

  /** A word of a unit: letters (any alphabet), spaces, hyphens, apostrophes and full stops. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{M} .'’-]{0,59}");

  /** A name or an authority: one line of ordinary text, no markup or message braces. */
  private static final Pattern NAME = Pattern.compile("[^<>{}\\p{Cntrl}]{1,120}");

  public CountryForm {
    nameCs = trimmed(nameCs);
    nameEn = trimmed(nameEn);
    regionCs = trimmed(regionCs);
    regionEn = trimmed(regionEn);
    districtCs = trimmed(districtCs);
    districtEn = trimmed(districtEn);
    authorityCs = trimmed(authorityCs);
    authorityEn = trimmed(authorityEn);
  }

  /** No field given: the import keeps the country's terms (and needs them known). */
  public boolean blank() {
    return values().allMatch(String::isEmpty);
  }

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    name("nameCs", nameCs, errors);
    name("nameEn", nameEn, errors);
    unit("regionCs", regionCs, errors);
    unit("regionEn", regionEn, errors);
    unit("districtCs", districtCs, errors);
    unit("districtEn", districtEn, errors);
    name("authorityCs", authorityCs, errors);
    name("authorityEn", authorityEn, errors);
    return errors;
  }

  /** The country of these fields; call only when they are valid. */
  public Country country(String code) {
    requireValid();
    return new Country(
        code,
        nameCs,
        nameEn,
        new Terms(unit(regionCs), unit(districtCs), authorityCs),
        new Terms(unit(regionEn), unit(districtEn), authorityEn));
  }

  /** The form filled with a known country's names and terms, as the page shows them. */
  public static CountryForm of(Country c) {
    return new CountryForm(
        c.nameCs(),
        c.nameEn(),
        c.cs().region().toString(),
        c.en().region().toString(),
        c.cs().district().toString(),
        c.en().district().toString(),
        c.cs().authority(),
        c.en().authority());
  }

  private Stream<String> values() {
    return Stream.of(
        nameCs, nameEn, regionCs, regionEn, districtCs, districtEn, authorityCs, authorityEn);
  }

  private static void name(String field, String value, Map<String, String> errors) {
    if (!NAME.matcher(value).matches()) {
      errors.put(field, "country.error." + (field.startsWith("name") ? "name" : "authority"));
    }
  }

  private static void unit(String field, String value, Map<String, String> errors) {
    List<String> forms = forms(value);
    if ((forms.size() != 2 && forms.size() != 5)
        || !forms.stream().allMatch(f -> WORD.matcher(f).matches())) {
      errors.put(field, "country.error.unit");
    }
  }

  private static Terms.Unit unit(String value) {
    return Terms.Unit.of(forms(value));
  }

  private static List<String> forms(String value) {
    return Arrays.stream(value.split(",", -1)).map(String::strip).toList();
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.strip();
  }
}
