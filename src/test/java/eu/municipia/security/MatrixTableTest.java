package eu.municipia.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.security.MatrixTable.Expectation;
import eu.municipia.security.MatrixTable.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixTableTest {

  private static final String HEADER =
      "KIND PATH anon official cr-member cr-admin cr-analyst admin platform\n";

  @Test
  void readsEachCellOfEachRowAndItsKey() {
    MatrixTable table =
        MatrixTable.parse(
            "# a comment\n"
                + HEADER
                + "GET /api/v1/tenants/{tenant}/members?status=LEFT no ok no no no ok no # why\n"
                + "VIEW /{tenant}/join ok ok ok ok ok ok ok\n");

    Row members = table.rows().get(0);
    assertThat(members.key()).isEqualTo("GET /api/v1/tenants/{tenant}/members");
    assertThat(members.isApi()).isTrue();
    assertThat(members.of(MatrixCaller.ANONYMOUS)).isEqualTo(Expectation.NO);
    assertThat(members.of(MatrixCaller.OFFICIAL)).isEqualTo(Expectation.OK);
    assertThat(members.line()).isEqualTo(3);
    assertThat(table.rows().get(1).isView()).isTrue();
  }

  @Test
  void aRowWithAMissingCellOrAnUnknownWordNamesItsLine() {
    assertThatThrownBy(() -> MatrixTable.parse(HEADER + "GET /api/v1/tenants ok ok\n"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(
            () -> MatrixTable.parse(HEADER + "GET /api/v1/tenants ok ok ok ok ok ok maybe\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("maybe");
    assertThatThrownBy(() -> MatrixTable.parse("KIND PATH anon admin\n"))
        .hasMessageContaining("each caller once");
  }

  @Test
  void theRowToAddForAnUnlistedEndpointHasACellToDecidePerCaller() {
    String row = MatrixTable.template("POST", "/api/v1/tenants/{tenant}/seminars");

    assertThat(row).startsWith("POST   /api/v1/tenants/{tenant}/seminars");
    assertThat(row.chars().filter(c -> c == '?').count()).isEqualTo(MatrixCaller.values().length);
  }

  @Test
  void demoValuesFillParametersByTheirSegmentAndAnInertCallNamesNothing() {
    DemoValues values =
        new DemoValues(
            Map.of(
                "{tenant}", "smopk",
                "applications/{id}", "a-1",
                "officials/{id}", "o-1",
                "{email}", "x@example.org"));

    assertThat(values.fill("/api/v1/tenants/{tenant}/applications/{id}/approval"))
        .isEqualTo("/api/v1/tenants/smopk/applications/a-1/approval");
    assertThat(values.fill("/api/v1/tenants/{tenant}/officials/{id}?email={email}"))
        .isEqualTo("/api/v1/tenants/smopk/officials/o-1?email=x@example.org");
    assertThat(values.inert("/api/v1/tenants/{tenant}/officials/{id}?email={email}"))
        .isEqualTo("/api/v1/tenants/smopk/officials/0");
    assertThatThrownBy(() -> values.fill("/api/v1/tenants/{tenant}/seminars/{id}"))
        .hasMessageContaining("seminars/{id}");
  }

  @Test
  void viewsAreAtTheAddressesPeopleUse() {
    assertThat(ServedEndpoints.address("t/home.xhtml")).isEqualTo("/{tenant}/");
    assertThat(ServedEndpoints.address("t/admin/roles.xhtml")).isEqualTo("/{tenant}/admin/roles");
    assertThat(ServedEndpoints.address("platform/register.xhtml")).isEqualTo("/platform/register");
    assertThat(ServedEndpoints.address("index.xhtml")).isEqualTo("/");
    assertThat(ServedEndpoints.address("errors/error.xhtml")).isEqualTo("/errors/error.xhtml");
  }

  @Test
  void jaxRsPathsJoinWithoutTheirTemplatesRegularExpressions() {
    assertThat(ServedEndpoints.join("api/v1", "/tenants/{tenant}/", "{id: [0-9a-f-]+}"))
        .isEqualTo("/api/v1/tenants/{tenant}/{id}");
  }
}
