package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Spreadsheets that round-trip whatever the cells hold, and never run a cell as a formula. */
class CsvTest {

  @Test
  void cellsWithSeparatorsQuotesAndLineBreaksComeBackAsTheyWent() throws Exception {
    List<String> cells = List.of("Čilá", "a;b", "say \"hi\"", "two\nlines", "comma, too", "");
    StringWriter out = new StringWriter();
    Csv.Spreadsheet sheet = Csv.spreadsheet(out, "a", "b", "c", "d", "e", "f");
    sheet.row(cells.toArray());
    sheet.flush();

    String written = out.toString();
    assertThat(written).startsWith("\uFEFFa;b;c;d;e;f\r\n");
    List<CSVRecord> read = readBack(written.substring(1));
    assertThat(read).hasSize(2);
    assertThat(read.get(1).toList()).isEqualTo(cells);
  }

  @Test
  void aCellThatASpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(Csv.defuse("=HYPERLINK(\"http://evil.example\")"))
        .isEqualTo("'=HYPERLINK(\"http://evil.example\")");
    assertThat(Csv.defuse("+420 377 123 456")).isEqualTo("'+420 377 123 456");
    assertThat(Csv.defuse("-1")).isEqualTo("'-1");
    assertThat(Csv.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.defuse("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(Csv.defuse("\r=1+1")).isEqualTo("'\r=1+1");
    assertThat(Csv.defuse("Plzeň")).isEqualTo("Plzeň");
    assertThat(Csv.defuse(null)).isEmpty();
  }

  @Test
  void everyCellOfARowIsDefused() throws Exception {
    StringWriter out = new StringWriter();
    Csv.spreadsheet(out, "x").row("\t=cmd|' /C calc'!A0").flush();

    assertThat(readBack(out.toString().substring(1)).get(1).get(0))
        .isEqualTo("'\t=cmd|' /C calc'!A0");
  }

  @Test
  void aTableSkipsTheByteOrderMarkAndTakesColumnNamesInAnyCase() throws Exception {
    try (CSVParser table = Csv.table(new StringReader("\uFEFFCode,Name\n1,\"a,b\"\n"))) {
      CSVRecord row = table.iterator().next();
      assertThat(row.get("code")).isEqualTo("1");
      assertThat(row.get("NAME")).isEqualTo("a,b");
    }
  }

  private static List<CSVRecord> readBack(String csv) throws Exception {
    try (CSVParser parser =
        CSVParser.parse(new StringReader(csv), CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
      return parser.getRecords();
    }
  }
}
