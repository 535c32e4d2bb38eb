package eu.municipia.bench;

import static eu.municipia.testing.DemoUsers.SMOCR_ANALYST;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The union's dashboard for SMO ČR with 14 child associations over the full register (6,258
 * municipalities): SMOPK and 13 more, one per other region, each with about 60 % of its region's
 * municipalities as members and a dues rate, written by SQL as the superuser. Each table's API
 * (analyst's bearer token, five years) next to the same function run alone as the app role with the
 * union set in the transaction, as the app runs it: median, p95, max.
 */
@MunicipiaIT
class UnionDashboardBenchmark {

  private static final int WARM_UP = 10;
  private static final int REQUESTS = 100;
  private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();
  private static final String YEARS = "?from=" + (YEAR - 4) + "&to=" + YEAR;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  @Test
  void theDashboardOf14AssociationsBesideItsSqlAlone() throws Exception {
    URI base = Deployments.base(deployed);
    FullRegister.ensureImported(new Load(base));
    int children = ensureFourteenChildren();
    assertThat(children).isGreaterThanOrEqualTo(14);
    String token = Tokens.accessToken(SMOCR_ANALYST);
    BenchResults.Table table =
        BenchResults.table(
            "The union's dashboard: SMO ČR over "
                + children
                + " associations, full register, years "
                + (YEAR - 4)
                + "-"
                + YEAR
                + " ("
                + WARM_UP
                + " warm-up, "
                + REQUESTS
                + " measured, one client)",
            "table",
            "what",
            "median ms",
            "p95 ms",
            "max ms");
    HttpClient http = HttpClient.newHttpClient();
    for (String name :
        List.of("members", "coverage", "dues", "resolutions", "events", "articles")) {
      String path = "/api/v1/tenants/smocr/union/" + name + YEARS;
      List<Long> api = new ArrayList<>();
      for (int i = 0; i < WARM_UP + REQUESTS; i++) {
        long start = System.nanoTime();
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"association\":\"smopk\"");
        if (i >= WARM_UP) {
          api.add(nanos);
        }
      }
      row(table, name, "GET API", Load.Stats.of(api, sum(api)));
      List<Long> sql = sqlAlone("union_" + name, (children + 1) * 5);
      row(table, name, "the same function alone", Load.Stats.of(sql, sum(sql)));
    }
    BenchResults.note(
        "The function alone runs as the app role over JDBC: set_config('app.tenant_id',"
            + " 'smocr', true), then SELECT * FROM union_<table>(first, last), in one transaction"
            + " each. The API adds authentication, the tenant's transaction and JSON.");
    BenchResults.print();
  }

  private static void row(BenchResults.Table table, String name, String what, Load.Stats s) {
    table.row(
        name,
        what,
        BenchResults.number(s.median(), 1),
        BenchResults.number(s.p95(), 1),
        BenchResults.number(s.max(), 1));
  }

  private static long sum(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).sum();
  }

  private static List<Long> sqlAlone(String function, int rows) throws SQLException {
    List<Long> times = new ArrayList<>();
    try (Connection c = TestStack.get().database().app()) {
      c.setAutoCommit(false);
      try (PreparedStatement tenant =
              c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)");
          PreparedStatement figures = c.prepareStatement("SELECT * FROM " + function + "(?, ?)")) {
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
          long start = System.nanoTime();
          tenant.setString(1, "smocr");
          tenant.execute();
          figures.setInt(1, YEAR - 4);
          figures.setInt(2, YEAR);
          int read = 0;
          try (ResultSet rs = figures.executeQuery()) {
            while (rs.next()) {
              read++;
            }
          }
          c.commit();
          long nanos = System.nanoTime() - start;
          assertThat(read).isEqualTo(rows);
          if (i >= WARM_UP) {
            times.add(nanos);
          }
        }
      }
    }
    return times;
  }

  /**
   * SMOPK and one association per other region under SMO ČR (bench-union-…), each with about 60 %
   * of its region's municipalities as members since 2015 (a few joined this year, a few left last
   * year) and a dues rate this year. Answers how many children SMO ČR has.
   */
  private static int ensureFourteenChildren() throws SQLException {
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO tenant (id, parent_id, name_cs, name_en, kind, region)"
              + " SELECT 'bench-union-' || row_number() OVER (ORDER BY region), 'smocr',"
              + "  'Sdružení ' || region, 'Association of ' || region, 'ASSOCIATION', region"
              + " FROM (SELECT DISTINCT region FROM municipality WHERE country = 'CZ'"
              + "  AND region <> 'Plzeňský kraj') r"
              + " WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE id LIKE 'bench-union-%')");
      s.executeUpdate(
          "INSERT INTO membership (id, tenant_id, country, code, status, since, until)"
              + " SELECT gen_random_uuid(), t.id, mu.country, mu.code,"
              + "  CASE WHEN abs(hashtext(mu.code)) % 50 = 0 THEN 'LEFT' ELSE 'ACTIVE' END,"
              + "  CASE WHEN abs(hashtext(mu.code)) % 40 = 1 THEN make_date("
              + YEAR
              + ", 2, 1) ELSE DATE '2015-01-01' END,"
              + "  CASE WHEN abs(hashtext(mu.code)) % 50 = 0 THEN make_date("
              + (YEAR - 1)
              + ", 6, 30) END"
              + " FROM tenant t JOIN municipality mu ON mu.region = t.region"
              + " WHERE t.id LIKE 'bench-union-%' AND abs(hashtext(mu.code)) % 10 < 6"
              + " AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.tenant_id = t.id)");
      s.executeUpdate(
          "INSERT INTO dues_rate (id, tenant_id, year, rate_per_inhabitant, minimum, maximum,"
              + " set_by, set_at)"
              + " SELECT gen_random_uuid(), id, "
              + YEAR
              + ", 2.00, 500, 200000, 'benchmark', now() FROM tenant"
              + " WHERE id LIKE 'bench-union-%' ON CONFLICT DO NOTHING");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tenant WHERE parent_id = 'smocr'")) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
