package eu.municipia.municipalities.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.municipalities.entity.RegisterRow;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading ČSÚ's population table, and refusing a malformed one with line and column. */
class PopulationTableTest {

  private static final String HEADER = "code,name,district,region,population,lat,lon\n";

  @Test
  void readsTheRowsOfTheOfficialColumns() throws Exception {
    List<RegisterRow> rows =
        read(
            HEADER
                + "554791,Plzeň,Plzeň-město,Plzeňský kraj,187928,49.738531,13.373737\n"
                + "540927,Čilá,Rokycany,Plzeňský kraj,19,49.961766,13.742166\n");

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).name()).isEqualTo("Čilá");
    assertThat(rows.get(1).population()).isEqualTo(19);
    assertThat(rows.get(0).lat()).isEqualByComparingTo(new BigDecimal("49.738531"));
    assertThat(rows.get(0).code().code()).isEqualTo("554791");
  }

  @Test
  void takesColumnsByNameInAnyOrderAndIgnoresOthersAndTheByteOrderMark() throws Exception {
    List<RegisterRow> rows =
        read(
            "\uFEFFname,code,psc,district,region,population,lat,lon\n"
                + "\"Čilá, obec\",540927,33701,Rokycany,Plzeňský kraj,19,,\n");

    assertThat(rows.get(0).name()).isEqualTo("Čilá, obec");
    assertThat(rows.get(0).lat()).isNull();
  }

  @Test
  void aWordInsteadOfAPopulationNamesItsLineAndColumn() {
    assertThatThrownBy(
            () ->
                read(
                    HEADER
                        + "554791,Plzeň,Plzeň-město,Plzeňský kraj,187928,49.7,13.3\n"
                        + "540927,Čilá,Rokycany,Plzeňský kraj,devatenáct,49.9,13.7\n"))
        .isInstanceOf(MalformedTableException.class)
        .hasMessage("Line 3, column 5 (population): not a whole number: 'devatenáct'")
        .satisfies(
            e -> {
              MalformedTableException m = (MalformedTableException) e;
              assertThat(m.line()).isEqualTo(3);
              assertThat(m.column()).isEqualTo(5);
            });
  }

  @Test
  void refusesAMissingColumnABadCodeADuplicateAndAWrongCellCount() {
    assertThatThrownBy(() -> read("code,name,district,region,lat,lon\n1,a,b,c,1,1\n"))
        .hasMessageContaining("Line 1")
        .hasMessageContaining("'population'");
    assertThatThrownBy(() -> read(HEADER + "55479,Plzeň,Plzeň-město,Plzeňský kraj,1,,\n"))
        .hasMessageStartingWith("Line 2, column 1 (code)");
    assertThatThrownBy(
            () ->
                read(
                    HEADER
                        + "554791,Plzeň,Plzeň-město,Plzeňský kraj,1,,\n"
                        + "554791,Plzeň,Plzeň-město,Plzeňský kraj,1,,\n"))
        .hasMessageStartingWith("Line 3, column 1 (code): the code 554791 appears twice");
    assertThatThrownBy(() -> read(HEADER + "554791,Plzeň,Plzeň-město\n"))
        .hasMessageStartingWith("Line 2: expected 7 columns, found 3");
    assertThatThrownBy(() -> read(HEADER + "554791,Plzeň,,Plzeňský kraj,1,,\n"))
        .hasMessageStartingWith("Line 2, column 3 (district): is empty");
    assertThatThrownBy(() -> read(HEADER + "554791,Plzeň,P,K,1,91.5,13\n"))
        .hasMessageStartingWith("Line 2, column 6 (lat): out of range");
  }

  @Test
  void refusesAnEmptyFileAndAHeaderWithoutRows() {
    assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> read(HEADER)).hasMessageContaining("no municipalities");
  }

  private static List<RegisterRow> read(String csv) throws MalformedTableException {
    return PopulationTable.read(new StringReader(csv), "CZ");
  }

  @Test
  void aQuotedCellMayHoldCommasQuotesAndALineBreak() throws Exception {
    List<RegisterRow> rows =
        read(
            HEADER
                + "554791,\"Plzeň, \"\"město\"\"\nkrajské\",Plzeň-město,Plzeňský kraj,187928,,\n"
                + "540927,Čilá,Rokycany,Plzeňský kraj,devatenáct,,\n".replace("devatenáct", "19"));

    assertThat(rows.get(0).name()).isEqualTo("Plzeň, \"město\"\nkrajské");
    assertThat(rows.get(1).name()).isEqualTo("Čilá");
  }

  @Test
  void aQuoteLeftOpenIsTheFilesFaultWithItsLine() {
    assertThatThrownBy(() -> read(HEADER + "554791,\"Plzeň,Plzeň-město,Plzeňský kraj,1,,\n"))
        .isInstanceOf(MalformedTableException.class)
        .hasMessageContaining("quote");
  }
}
