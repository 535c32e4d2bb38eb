package eu.municipia.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read cache (ReadCache, V116__read_versions.sql) never answers from stale data: a write made
 * past this app (as another replica, or the owner's script, would make it) is seen by the very next
 * request, in the API and on the pages, for the association's own rows and for the shared register;
 * a write counts once for its own association and for no other; and the app role cannot touch the
 * counters. Each test puts back what it changed.
 */
@MunicipiaIT
class KeptReadsIT {

  private static final String CILA = "540927";
  private static final String SEARCH = "/api/v1/tenants/smopk/members?q=cila";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(Deployments.base(deployed));
  }

  @Test
  void aMembershipChangedPastTheAppIsSeenByTheNextRequest() throws SQLException {
    Api.Response first = api.get(SEARCH, null);
    Api.Response again = api.get(SEARCH, null);
    assertThat(again.body()).as("a kept answer is the same answer").isEqualTo(first.body());
    String since = cila(first).getString("since");

    shiftSince(-1);
    try {
      String changed = cila(api.get(SEARCH, null)).getString("since");
      assertThat(changed)
          .as("the next request after the commit")
          .isEqualTo(java.time.LocalDate.parse(since).minusDays(1).toString());
    } finally {
      shiftSince(1);
    }
    assertThat(cila(api.get(SEARCH, null)).getString("since")).isEqualTo(since);
  }

  @Test
  void aRegisterChangeIsSeenByTheNextRequestInTheApiAndOnThePages() throws SQLException {
    api.get(SEARCH, null);
    api.get("/smopk/directory?q=cila", null);
    api.get("/api/v1/tenants/smopk/members/map", null);

    rename("Čilá (zkouška)");
    try {
      assertThat(cila(api.get(SEARCH, null)).getString("name")).isEqualTo("Čilá (zkouška)");
      assertThat(api.get("/smopk/directory?q=cila", null).body()).contains("Čilá (zkouška)");
      assertThat(api.get("/api/v1/tenants/smopk/members/map", null).body())
          .contains("Čilá (zkouška)");
    } finally {
      rename("Čilá");
    }
    assertThat(cila(api.get(SEARCH, null)).getString("name")).isEqualTo("Čilá");
    assertThat(api.get("/smopk/directory?q=cila", null).body()).doesNotContain("zkouška");
  }

  @Test
  void aColourChangedPastTheAppIsOnTheNextPage() throws SQLException {
    String before = colourOn(api.get("/smopk/directory", null).body());
    String other = before.equals("123456") ? "654321" : "123456";
    boolean inserted = setColour("#" + other);
    try {
      assertThat(colourOn(api.get("/smopk/directory", null).body())).isEqualTo(other);
      assertThat(colourOn(api.get("/smocr/directory", null).body()))
          .as("another association's pages")
          .isNotEqualTo(other);
    } finally {
      if (inserted) {
        try (Connection su = TestStack.get().database().superuser("municipia");
            Statement s = su.createStatement()) {
          s.execute("DELETE FROM site_profile WHERE tenant_id = 'smopk'");
        }
      } else {
        setColour("#" + before);
      }
    }
    assertThat(colourOn(api.get("/smopk/directory", null).body())).isEqualTo(before);
  }

  @Test
  void aKeptPageIsTheSamePageForTheNextAnonymousReaderInHisLanguage() {
    Api.Response first = api.get("/smopk/directory?q=cila", null);
    Api.Response again = api.get("/smopk/directory?q=cila", null);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("text/html");
    assertThat(again.body()).as("kept: the same bytes").isEqualTo(first.body());
    assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));
    assertThat(again.header("Content-Security-Policy")).isNotEmpty();
    assertThat(first.body()).contains("lang=\"cs\"").contains("Čilá");
    assertThat(first.raw().headers().allValues("Set-Cookie")).isEmpty();

    Api.Response asked = api.get("/smopk/directory?q=cila&lang=en", null);
    assertThat(asked.body()).contains("lang=\"en\"");
    assertThat(asked.header("Set-Cookie")).as("the choice is remembered").startsWith("lang=en");

    Api english = api.withHeader("Cookie", "lang=en");
    for (int i = 0; i < 2; i++) {
      Api.Response chosen = english.get("/smopk/directory?q=cila", null);
      assertThat(chosen.body()).contains("lang=\"en\"");
      assertThat(chosen.raw().headers().allValues("Set-Cookie")).isEmpty();
    }
    assertThat(api.get("/smopk/directory?q=cila", null).body())
        .as("a reader without the cookie still gets Czech")
        .isEqualTo(first.body());
    assertThat(api.get("/smopk/directory?q=plze", null).body())
        .as("another address, another page")
        .isNotEqualTo(first.body());
  }

  @Test
  void aLoggedInPersonIsNeverAnsweredWithTheAnonymousPageNorTheOtherWayRound() throws Exception {
    String anonymous = api.get("/smopk/coverage", null).body();
    assertThat(api.get("/smopk/coverage", null).body()).isEqualTo(anonymous);
    assertThat(anonymous).doesNotContain("logout-button");

    java.net.URI base = Deployments.base(deployed);
    java.net.http.HttpClient member =
        eu.municipia.testing.SessionLogin.logIn(
            base, "/smopk/members", eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL);
    for (int i = 0; i < 2; i++) {
      java.net.http.HttpResponse<String> page =
          member.send(
              java.net.http.HttpRequest.newBuilder(base.resolve("/smopk/coverage")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).as("the member's own page").contains("logout-button");
    }
    assertThat(api.get("/smopk/coverage", null).body())
        .as("the member's page was not kept for anyone")
        .isEqualTo(anonymous);
  }

  @Test
  void twoAssociationsAskingTheSameAreAnsweredEachFromItsOwnRows() {
    for (int round = 0; round < 2; round++) {
      JsonObject smopk = api.get(SEARCH, null).json().asJsonObject();
      JsonObject smocr =
          api.get("/api/v1/tenants/smocr/members?q=cila", null).json().asJsonObject();
      assertThat(smopk.getJsonNumber("total").longValue()).isEqualTo(1);
      assertThat(smocr.getJsonNumber("total").longValue()).isZero();
    }
  }

  @Test
  void aTransactionCountsOnceForItsOwnAssociationAndForNoOther() throws SQLException {
    long smopk = version("smopk");
    long smocr = version("smocr");
    try (Connection app = TestStack.get().database().app()) {
      app.setAutoCommit(false);
      bindTo(app, "smopk");
      try (Statement s = app.createStatement()) {
        for (int i = 0; i < 3; i++) {
          s.executeUpdate("UPDATE membership SET since = since WHERE code = '" + CILA + "'");
        }
      }
      app.commit();
    }
    assertThat(version("smopk")).isEqualTo(smopk + 1);
    assertThat(version("smocr")).isEqualTo(smocr);
  }

  @Test
  void theAppRoleCannotReadOrChangeTheCountersItself() throws SQLException {
    try (Connection app = TestStack.get().database().app();
        Statement s = app.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM read_version"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE read_version SET version = 0"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  private static String colourOn(String page) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/site/style\\.css\\?v=([0-9a-f]{6})").matcher(page);
    assertThat(m.find()).as("the page links the association's colours").isTrue();
    return m.group(1);
  }

  /**
   * The association's colour, written past the app; answers whether its profile row was new (a
   * superuser's connection, bound to the association as the app binds it, so that the trigger
   * counts it for SMOPK alone).
   */
  private static boolean setColour(String colour) throws SQLException {
    try (Connection su = TestStack.get().database().superuser("municipia")) {
      su.setAutoCommit(false);
      bindTo(su, "smopk");
      boolean inserted;
      try (PreparedStatement update =
          su.prepareStatement(
              "UPDATE site_profile SET accent_color = ? WHERE tenant_id = 'smopk'")) {
        update.setString(1, colour);
        inserted = update.executeUpdate() == 0;
      }
      if (inserted) {
        try (PreparedStatement insert =
            su.prepareStatement(
                "INSERT INTO site_profile (id, tenant_id, accent_color, statement_reviewed_on,"
                    + " updated_at) VALUES (gen_random_uuid(), 'smopk', ?, current_date, now())")) {
          insert.setString(1, colour);
          insert.executeUpdate();
        }
      }
      su.commit();
      return inserted;
    }
  }

  private static JsonObject cila(Api.Response answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonObject page = answer.json().asJsonObject();
    assertThat(page.getJsonArray("items")).hasSize(1);
    return page.getJsonArray("items").getJsonObject(0);
  }

  /** As another replica writes: the app role, in a transaction bound to the association. */
  private static void shiftSince(int days) throws SQLException {
    try (Connection app = TestStack.get().database().app()) {
      app.setAutoCommit(false);
      bindTo(app, "smopk");
      try (PreparedStatement ps =
          app.prepareStatement(
              "UPDATE membership SET since = since + ? WHERE country = 'CZ' AND code = ?")) {
        ps.setInt(1, days);
        ps.setString(2, CILA);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      app.commit();
    }
  }

  /** As a register import writes, with no association bound. */
  private static void rename(String name) throws SQLException {
    try (Connection owner = TestStack.get().database().owner();
        PreparedStatement ps =
            owner.prepareStatement(
                "UPDATE municipality SET name = ? WHERE country = 'CZ' AND code = ?")) {
      ps.setString(1, name);
      ps.setString(2, CILA);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static void bindTo(Connection c, String tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
      ps.setString(1, tenant);
      ps.execute();
    }
  }

  private static long version(String tenant) throws SQLException {
    try (Connection app = TestStack.get().database().app();
        PreparedStatement ps = app.prepareStatement("SELECT read_version(?)")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
