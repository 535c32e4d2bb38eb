package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CzechTextTest {

  @Test
  void inflectedFormsWithAndWithoutAccentsShareAStem() {
    assertThat(CzechText.stems("rozpočet")).contains("rozpoct");
    assertThat(CzechText.stems("rozpočtu")).contains("rozpoct");
    assertThat(CzechText.stems("rozpoctem")).contains("rozpoct");
    assertThat(CzechText.stems("předsedy")).containsAnyElementsOf(CzechText.stems("předsedu"));
    assertThat(CzechText.stems("predsedu")).containsAnyElementsOf(CzechText.stems("předseda"));
  }

  @Test
  void aDocumentCarriesBothStemsOfEachWordAtItsPositionAndTheTitleWeighsMore() {
    String vector = CzechText.tsvector("Rozpočet 2026", "Sněm schvaluje rozpočet.");
    assertThat(vector).contains("'rozpoct':1A,", "'2026':2A", "'snem':", "'schvaluj':");
    assertThat(vector).doesNotContain("ě", "č");
  }

  @Test
  void stopWordsKeepTheirPlaceSoPhrasesKeepTheirDistance() {
    List<CzechText.Word> words = CzechText.words("rozpočet na rok 2026");
    assertThat(words).extracting(CzechText.Word::position).containsExactly(1, 3, 4);
    assertThat(CzechText.tsquery("\"rozpočet na rok\"").orElseThrow())
        .isEqualTo("(('rozpoct') <2> ('rok'))");
  }

  @Test
  void aQueryAsksForEveryWordInEitherSpelling() {
    assertThat(CzechText.tsquery("rozpočtu členů").orElseThrow())
        .isEqualTo("(('rozpock' | 'rozpoct')) & (('cln'))");
    assertThat(CzechText.tsquery("SV/2026/14").orElseThrow())
        .isEqualTo("(('sv') <-> ('2026') <-> ('14'))");
    assertThat(CzechText.tsquery("a na")).isEmpty();
    assertThat(CzechText.tsquery("  ")).isEmpty();
  }

  @Test
  void lexemesAreQuotedSoNoInputBreaksTheLiteral() {
    assertThat(CzechText.tsquery("o'neil").orElseThrow()).contains("''");
    assertThat(CzechText.tsvector("x'y", "")).startsWith("'");
  }

  @Test
  void foldingDropsAccentsAndCase() {
    assertThat(CzechText.fold("Sněm SCHVÁLIL Žluťoučký")).isEqualTo("snem schvalil zlutoucky");
    assertThat(CzechText.foldedWords("Rozpčet \"na\" rok")).containsExactly("rozpcet", "rok");
  }

  @Test
  void theFastFoldingAgreesWithTheUnicodeRule() {
    for (char c = 0; c < 0x250; c++) {
      String text = "Ab" + c + "čD" + c;
      assertThat(CzechText.fold(text))
          .as("U+%04X", (int) c)
          .isEqualTo(CzechText.foldByUnicode(text.toLowerCase(java.util.Locale.ROOT)));
    }
    assertThat(CzechText.fold("Łódź Straße İzmir")).isEqualTo("łodz straße izmir");
    assertThat(CzechText.fold("Sne\u030Cm")).as("a combining caron").isEqualTo("snem");
  }

  @Test
  void aResultMarksTheWordsTheQueryFoundInAnyInflectionAndTypo() {
    String text =
        "Sněm schvaluje rozpočet sdružení na rok 2026 a bere na vědomí zprávu o rozpočtu.";
    List<CzechText.Fragment> marked =
        CzechText.highlight(text, CzechText.queryStems("rozpoctem"), List.of(), 500);
    assertThat(marked.stream().filter(CzechText.Fragment::marked).map(CzechText.Fragment::text))
        .containsExactly("rozpočet", "rozpočtu");
    assertThat(String.join("", marked.stream().map(CzechText.Fragment::text).toList()))
        .isEqualTo(text);

    List<CzechText.Fragment> typo =
        CzechText.highlight(text, CzechText.queryStems("rozpcet"), List.of("rozpcet"), 500);
    assertThat(typo.stream().filter(CzechText.Fragment::marked).map(CzechText.Fragment::text))
        .containsExactly("rozpočet");
  }

  @Test
  void aLongTextIsCutAroundTheFirstFoundWord() {
    String text = "úvod ".repeat(100) + "schvaluje rozpočet " + "závěr ".repeat(100);
    List<CzechText.Fragment> marked =
        CzechText.highlight(text, CzechText.queryStems("rozpočet"), List.of(), 120);
    String shown = String.join("", marked.stream().map(CzechText.Fragment::text).toList());
    assertThat(shown).startsWith("…").endsWith("…").contains("rozpočet").hasSizeLessThan(140);
  }
}
