package eu.municipia.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A country's words filled into the texts that name them, and the form that gives them. */
class TermsTest {

  static final Locale CS = Locale.forLanguageTag("cs");

  static final Terms CZECH =
      new Terms(
          new Terms.Unit("kraj", "kraje", "kraji", "kraje", "krajů"),
          new Terms.Unit("okres", "okresu", "okrese", "okresy", "okresů"),
          "ČSÚ");
  static final Terms POLISH_IN_CZECH =
      new Terms(
          Terms.Unit.of("vojvodství", "vojvodství"),
          new Terms.Unit("powiat", "powiatu", "powiatu", "powiaty", "powiatů"),
          "GUS");

  @Test
  void eachFormOfEachUnitTakesTheCountrysWord() {
    String text =
        "Pokrytí podle {district.ofMany}; obcí v {district.inOne}; obyvatel {region.ofOne}";
    assertThat(CZECH.fill(text, CS))
        .isEqualTo("Pokrytí podle okresů; obcí v okrese; obyvatel kraje");
    assertThat(POLISH_IN_CZECH.fill(text, CS))
        .isEqualTo("Pokrytí podle powiatů; obcí v powiatu; obyvatel vojvodství");
  }

  @Test
  void aCapitalInTheTokenAsksForACapitalWord() {
    assertThat(CZECH.fill("{District.many} plně, {Region.one}, {authority}", CS))
        .isEqualTo("Okresy plně, Kraj, ČSÚ");
  }

  @Test
  void argumentsAreFilledAfterTheTermsAndAnApostropheInATermStays() {
    Terms english =
        new Terms(
            Terms.Unit.of("region", "regions"), Terms.Unit.of("o'district", "o'districts"), "x");
    assertThat(
            english.fill(
                "{0} is not in the {district.one} of {1}''s union", Locale.ENGLISH, "A", "B"))
        .isEqualTo("A is not in the o'district of B's union");
    // Without arguments a text is no MessageFormat pattern, as the pages' msg shows it.
    assertThat(english.fill("the {district.one}'s", Locale.ENGLISH)).isEqualTo("the o'district's");
  }

  @Test
  void onlyTheKnownTokensAreTerms() {
    assertThat(Terms.names("Obec {0} v {district.inOne}")).isTrue();
    assertThat(Terms.names("Obec {0}")).isFalse();
    assertThat(Terms.names("{district.dative}")).isFalse();
  }

  @Test
  void aUnitHasEveryForm() {
    assertThatThrownBy(() -> new Terms.Unit("okres", "", "okrese", "okresy", "okresů"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Terms.Unit.of("county", "counties").ofMany()).isEqualTo("counties");
  }

  @Test
  void theFormTakesFiveFormsOrTwoAndRefusesEachFieldAtFault() {
    CountryForm slovak =
        new CountryForm(
            " Slovensko ",
            "Slovakia",
            "kraj, kraje, kraji, kraje, krajů",
            "region, regions",
            "okres,okresu,okrese,okresy,okresů",
            "district, districts",
            "ŠÚ SR",
            "the Statistical Office of the Slovak Republic");
    assertThat(slovak.errors()).isEmpty();
    Country country = slovak.country("SK");
    assertThat(country.nameCs()).isEqualTo("Slovensko");
    assertThat(country.cs().district().inOne()).isEqualTo("okrese");
    assertThat(country.en().region().ofOne()).isEqualTo("region");
    assertThat(CountryForm.of(country).districtCs())
        .isEqualTo("okres, okresu, okrese, okresy, okresů");
    assertThat(CountryForm.of(country).regionEn()).isEqualTo("region, regions");

    CountryForm bad =
        new CountryForm(
            "",
            "Slovakia",
            "kraj, kraje, kraji",
            "region, regions",
            "okres, , okrese, okresy, okresů",
            "{district}, districts",
            "ŠÚ SR",
            "<b>office</b>");
    assertThat(bad.errors())
        .containsExactly(
            java.util.Map.entry("nameCs", "country.error.name"),
            java.util.Map.entry("regionCs", "country.error.unit"),
            java.util.Map.entry("districtCs", "country.error.unit"),
            java.util.Map.entry("districtEn", "country.error.unit"),
            java.util.Map.entry("authorityEn", "country.error.authority"));
    assertThatThrownBy(() -> bad.country("SK")).isInstanceOf(Refusal.class);
  }

  @Test
  void aFormWithNoFieldIsBlankAndOneFieldMakesItNeedAll() {
    assertThat(new CountryForm(null, null, null, null, null, null, null, null).blank()).isTrue();
    CountryForm one = new CountryForm(null, null, null, null, "okres, okresy", null, null, null);
    assertThat(one.blank()).isFalse();
    assertThat(one.errors()).hasSize(7).doesNotContainKey("districtCs");
  }
}
