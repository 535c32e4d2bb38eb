package eu.municipia.membership.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberCsvTest {

  @Test
  void plainTextStaysAsItIs() {
    assertThat(MemberCsv.cell("Čilá")).isEqualTo("Čilá");
    assertThat(MemberCsv.cell(null)).isEmpty();
  }

  @Test
  void separatorsQuotesAndLineBreaksAreQuoted() {
    assertThat(MemberCsv.cell("a;b")).isEqualTo("\"a;b\"");
    assertThat(MemberCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(MemberCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void aCellThatASpreadsheetWouldRunAsAFormulaIsDefused() {
    assertThat(MemberCsv.cell("=HYPERLINK(\"http://evil.example\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    assertThat(MemberCsv.cell("+420 377 123 456")).isEqualTo("'+420 377 123 456");
    assertThat(MemberCsv.cell("-1")).isEqualTo("'-1");
    assertThat(MemberCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
  }
}
