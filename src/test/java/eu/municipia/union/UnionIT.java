package eu.municipia.union;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOCR_ANALYST;
import static eu.municipia.testing.DemoUsers.SMOCR_MEMBER;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The union's figures through the API, each checked against the same figure computed here in Java
 * from the raw rows of the register and the memberships (read as the database superuser): SMO ČR
 * over SMOPK and a second association of this test's own ({@link #SECOND}) that shares members with
 * SMOPK, so that the total must count a municipality once. Then who may read them, and bad years.
 */
@MunicipiaIT
class UnionIT {

  static final String UNION = "/api/v1/tenants/smocr/union";

  /** This test's second child association of SMO ČR, in the Plzeň region like SMOPK. */
  static final String SECOND = "unie-test-zapad";

  static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  String analyst;

  /**
   * The second association with members: Plzeň and Čilá (members of SMOPK too), Kyšice (joined this
   * year), Chválenice (left this year), one organisation, and a dues rate with a payment.
   */
  @BeforeAll
  static void secondAssociation() throws SQLException {
    try (Connection c = superuser();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO tenant (id, parent_id, name_cs, name_en, kind, region) VALUES ('"
              + SECOND
              + "', 'smocr', 'Testovací unie Západ', 'Test union West', 'ASSOCIATION',"
              + " 'Plzeňský kraj') ON CONFLICT DO NOTHING");
      s.execute("DELETE FROM dues_payment WHERE tenant_id = '" + SECOND + "'");
      s.execute("DELETE FROM dues_rate WHERE tenant_id = '" + SECOND + "'");
      s.execute("DELETE FROM membership WHERE tenant_id = '" + SECOND + "'");
      s.execute("DELETE FROM member_organization WHERE tenant_id = '" + SECOND + "'");
      String t = "'" + SECOND + "'";
      s.execute(
          "INSERT INTO membership (id, tenant_id, country, code, status, since, until) VALUES"
              + " (gen_random_uuid(), "
              + t
              + ", 'CZ', '554791', 'ACTIVE', DATE '2020-03-01', NULL),"
              + " (gen_random_uuid(), "
              + t
              + ", 'CZ', '540927', 'ACTIVE', DATE '2021-01-01', NULL),"
              + " (gen_random_uuid(), "
              + t
              + ", 'CZ', '559130', 'ACTIVE', make_date("
              + YEAR
              + ", 1, 2), NULL),"
              + " (gen_random_uuid(), "
              + t
              + ", 'CZ', '557846', 'LEFT', DATE '2019-05-01', make_date("
              + YEAR
              + ", 1, 1))");
      s.execute(
          "INSERT INTO member_organization (id, tenant_id, ico, name, kind) VALUES"
              + " ('6f1b0c52-0000-4c36-9a57-0c6f3f0b8a99', "
              + t
              + ", '70888337', 'Mikroregion Test', 'MICROREGION')");
      s.execute(
          "INSERT INTO membership (id, tenant_id, organization_id, status, since) VALUES"
              + " (gen_random_uuid(), "
              + t
              + ", '6f1b0c52-0000-4c36-9a57-0c6f3f0b8a99', 'ACTIVE', DATE '2022-01-01')");
      s.execute(
          "INSERT INTO dues_rate (id, tenant_id, year, rate_per_inhabitant, minimum, maximum,"
              + " set_by, set_at) VALUES (gen_random_uuid(), "
              + t
              + ", "
              + YEAR
              + ", 1.55, 300, 50000, 'test', now())");
      s.execute(
          "INSERT INTO dues_payment (id, tenant_id, membership_id, year, amount, paid_on,"
              + " recorded_at, recorded_by) SELECT gen_random_uuid(), tenant_id, id, "
              + YEAR
              + ", 300.50, current_date, now(), 'test' FROM membership WHERE tenant_id = "
              + t
              + " AND code = '540927'");
    }
    eventsAndArticles();
  }

  /**
   * Events of the second association, written as the application writes them (the app role, the
   * association set as the tenant), so that its own transactions keep the union's per-event
   * figures: A ended on 15 June last year, three people of Plzeň (one checked in), one of Čilá (not
   * checked in), one of the public (checked in), two of Kyšice waiting; B ended an hour ago, three
   * people of Kyšice with no check-in at all; C, cancelled, ended last year with a checked-in
   * person of Chválenice; D is next month.
   */
  static void eventsAndArticles() throws SQLException {
    try (Connection c = superuser()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT set_config('app.tenant_id', '" + SECOND + "', true)");
        for (String table :
            List.of(
                "seminar_reach",
                "seminar_participant",
                "seminar_registration",
                "seminar",
                "magazine_article")) {
          s.execute("DELETE FROM " + table + " WHERE tenant_id = '" + SECOND + "'");
        }
      }
      c.commit();
    }
    try (Connection app = TestStack.get().database().app()) {
      app.setAutoCommit(false);
      try (Statement s = app.createStatement()) {
        s.execute("SELECT set_config('app.tenant_id', '" + SECOND + "', true)");
        String lastYear = "make_timestamptz(" + (YEAR - 1) + ", 6, 15, 17, 0, 0, 'Europe/Prague')";
        seminar(s, EVENT_A, lastYear, false);
        seminar(s, EVENT_B, "now() - interval '1 hour'", false);
        seminar(s, EVENT_C, lastYear, true);
        seminar(s, EVENT_D, "now() + interval '30 days'", false);
        registration(s, EVENT_A, 1, "CONFIRMED", "554791", 3, 1);
        registration(s, EVENT_A, 2, "CONFIRMED", "540927", 1, 0);
        registration(s, EVENT_A, 3, "CONFIRMED", null, 1, 1);
        registration(s, EVENT_A, 4, "WAITING", "559130", 2, 0);
        registration(s, EVENT_B, 1, "CONFIRMED", "559130", 3, 0);
        registration(s, EVENT_C, 1, "CONFIRMED", "557846", 1, 1);
        registration(s, EVENT_D, 1, "CONFIRMED", "554791", 2, 0);
      }
      app.commit();
    }
    try (Connection c = superuser();
        Statement s = c.createStatement()) {
      article(s, "verejny-sdileny", "PUBLISHED", "PUBLIC", true, publishedLastYear());
      article(s, "clensky-sdileny", "PUBLISHED", "MEMBERS", true, publishedLastYear());
      article(s, "archivovany", "ARCHIVED", "PUBLIC", false, publishedLastYear());
      article(s, "koncept-sdileny", "DRAFT", "PUBLIC", true, null);
      // Half an hour before midnight in Prague: the year before last, although UTC says so too.
      article(
          s,
          "silvestr",
          "PUBLISHED",
          "PUBLIC",
          false,
          "make_timestamptz(" + (YEAR - 2) + ", 12, 31, 23, 30, 0, 'Europe/Prague')");
    }
  }

  static final String EVENT_A = "7e0a0000-0000-4000-8000-00000000000a";
  static final String EVENT_B = "7e0a0000-0000-4000-8000-00000000000b";
  static final String EVENT_C = "7e0a0000-0000-4000-8000-00000000000c";
  static final String EVENT_D = "7e0a0000-0000-4000-8000-00000000000d";

  private static String publishedLastYear() {
    return "make_timestamptz(" + (YEAR - 1) + ", 3, 1, 10, 0, 0, 'Europe/Prague')";
  }

  private static void seminar(Statement s, String id, String endsAt, boolean cancelled)
      throws SQLException {
    s.execute(
        "INSERT INTO seminar (id, tenant_id, kind, title, starts_at, ends_at, capacity,"
            + " registration_opens_at, registration_closes_at, audience, offer_hours, created_at,"
            + " created_by, cancelled_at, cancel_reason) VALUES ('"
            + id
            + "', '"
            + SECOND
            + "', 'SEMINAR', 'Test event', "
            + endsAt
            + " - interval '3 hours', "
            + endsAt
            + ", 50, "
            + endsAt
            + " - interval '60 days', "
            + endsAt
            + " - interval '4 hours', 'MEMBERS', 24, now(), 'test', "
            + (cancelled ? "now(), 'test'" : "NULL, NULL")
            + ")");
  }

  /**
   * A registration of {@code people} people of a municipality (null: the public), some checked in.
   */
  private static void registration(
      Statement s, String seminar, int number, String status, String code, int people, int in)
      throws SQLException {
    String id = java.util.UUID.randomUUID().toString();
    s.execute(
        "INSERT INTO seminar_registration (id, tenant_id, seminar_id, status, number, queue_key,"
            + " country, code, language, registered_by, public_form, places, created_at) VALUES ('"
            + id
            + "', '"
            + SECOND
            + "', '"
            + seminar
            + "', '"
            + status
            + "', "
            + number
            + ", "
            + number
            + ", "
            + (code == null ? "NULL, NULL" : "'CZ', '" + code + "'")
            + ", 'cs', 'test', false, "
            + people
            + ", now())");
    for (int i = 1; i <= people; i++) {
      boolean checkedIn = i <= in;
      s.execute(
          "INSERT INTO seminar_participant (id, tenant_id, registration_id, seminar_id, position,"
              + " name, email, active, checkin_code, checked_in_at, certificate_code) VALUES"
              + " (gen_random_uuid(), '"
              + SECOND
              + "', '"
              + id
              + "', '"
              + seminar
              + "', "
              + i
              + ", 'Test Person', '"
              + id.substring(0, 8)
              + "-"
              + i
              + "@example.org', true, upper(substr(md5(random()::text), 1, 8)), "
              + (checkedIn ? "now(), upper(substr(md5(random()::text), 1, 16))" : "NULL, NULL")
              + ")");
    }
  }

  private static void article(
      Statement s, String slug, String status, String audience, boolean shared, String published)
      throws SQLException {
    s.execute(
        "INSERT INTO magazine_article (id, tenant_id, slug, title, perex, body, audience, status,"
            + " shared_with_union, preview_token, created_at, created_by, published_at) VALUES"
            + " (gen_random_uuid(), '"
            + SECOND
            + "', '"
            + slug
            + "', 'Test', 'Test', '<p>Test</p>', '"
            + audience
            + "', '"
            + status
            + "', "
            + shared
            + ", md5(random()::text), now(), 'test', "
            + (published == null ? "NULL" : published)
            + ")");
  }

  @BeforeEach
  void api() {
    api = new Api(Deployments.base(deployed));
    analyst = Tokens.accessToken(SMOCR_ANALYST);
  }

  @Test
  void membersAndPopulationPerAssociationAndInTotalAreWhatTheRowsSay() throws SQLException {
    JsonObject table = get("/members?from=" + (YEAR - 1) + "&to=" + YEAR, analyst);
    assertThat(table.getJsonArray("figures").getString(0)).isEqualTo("municipalities");
    Raw raw = Raw.read();
    int rows = 0;
    for (JsonValue v : table.getJsonArray("rows")) {
      JsonObject row = v.asJsonObject();
      String association = row.isNull("association") ? null : row.getString("association");
      int year = row.getInt("year");
      JsonObject f = row.getJsonObject("figures");
      Raw.Members expected = raw.members(association, year);
      String what = association + " " + year;
      assertThat(f.getJsonNumber("municipalities").longValue())
          .as(what)
          .isEqualTo(expected.municipalities());
      assertThat(f.getJsonNumber("organizations").longValue())
          .as(what)
          .isEqualTo(expected.organizations());
      assertThat(f.getJsonNumber("population").longValue()).as(what).isEqualTo(expected.covered());
      assertThat(f.getJsonNumber("regionPopulation").longValue())
          .as(what)
          .isEqualTo(expected.region());
      assertThat(f.getJsonNumber("sharePercent").bigDecimalValue())
          .as(what)
          .isEqualByComparingTo(
              BigDecimal.valueOf(expected.covered() * 100)
                  .divide(BigDecimal.valueOf(expected.region()), 1, RoundingMode.HALF_UP));
      assertThat(f.getJsonNumber("joined").longValue()).as(what).isEqualTo(expected.joined());
      assertThat(f.getJsonNumber("left").longValue()).as(what).isEqualTo(expected.left());
      rows++;
    }
    assertThat(rows).isEqualTo((raw.children.size() + 1) * 2);

    JsonObject second = row(table, SECOND, YEAR);
    assertThat(second.getInt("municipalities")).as("Plzeň, Čilá, Kyšice").isEqualTo(3);
    assertThat(second.getInt("organizations")).isEqualTo(1);
    assertThat(second.getInt("joined")).isEqualTo(1);
    assertThat(second.getInt("left")).isEqualTo(1);
    JsonObject total = row(table, null, YEAR);
    // Over every child association: the demo data has more than SMOPK and this test's own.
    int sumOfChildren =
        raw.children.keySet().stream()
            .mapToInt(c -> row(table, c, YEAR).getInt("municipalities"))
            .sum();
    assertThat(total.getInt("municipalities"))
        .as("Plzeň and Čilá, members of both, count once")
        .isLessThan(sumOfChildren);
  }

  @Test
  void coverageOfMunicipalitiesAndDistrictsIsWhatTheRowsSay() throws SQLException {
    JsonObject table = get("/coverage?from=" + YEAR + "&to=" + YEAR, analyst);
    Raw raw = Raw.read();
    for (JsonValue v : table.getJsonArray("rows")) {
      JsonObject row = v.asJsonObject();
      String association = row.isNull("association") ? null : row.getString("association");
      JsonObject f = row.getJsonObject("figures");
      long[] expected = raw.coverage(association, YEAR);
      assertThat(
              List.of(
                  f.getJsonNumber("municipalitiesCovered").longValue(),
                  f.getJsonNumber("municipalitiesNotCovered").longValue(),
                  f.getJsonNumber("districtsFully").longValue(),
                  f.getJsonNumber("districtsPartly").longValue(),
                  f.getJsonNumber("districtsNot").longValue()))
          .as(association)
          .containsExactly(expected[0], expected[1], expected[2], expected[3], expected[4]);
    }
  }

  @Test
  void duesBilledAtEachRateAndPaidAreWhatTheRowsSay() throws SQLException {
    JsonObject table = get("/dues?from=" + YEAR + "&to=" + YEAR, analyst);
    JsonObject second = row(table, SECOND, YEAR);
    // Plzeň 187,928 × 1.55 = 291,288 → the maximum 50,000; Čilá 19 → the minimum 300; Kyšice
    // 1,121 × 1.55 = 1,737.55 → 1,738; Chválenice left on the year's first day: a whole year.
    long chvalenice = Math.max(300, Math.round(782 * 1.55));
    assertThat(second.getJsonNumber("billed").longValue())
        .isEqualTo(50_000 + 300 + 1_738 + chvalenice);
    assertThat(second.getJsonNumber("paid").bigDecimalValue()).isEqualByComparingTo("300.50");
    Raw raw = Raw.read();
    JsonObject smopk = row(table, "smopk", YEAR);
    BigDecimal paid = raw.paid.getOrDefault("smopk " + YEAR, BigDecimal.ZERO);
    assertThat(smopk.getJsonNumber("paid").bigDecimalValue()).isEqualByComparingTo(paid);
    JsonObject total = row(table, null, YEAR);
    assertThat(total.getJsonNumber("paid").bigDecimalValue())
        .isEqualByComparingTo(
            raw.paid.entrySet().stream()
                .filter(e -> e.getKey().endsWith(" " + YEAR))
                .map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Test
  void resolutionsAdoptedAreCountedByTheYearOfTheVote() throws SQLException {
    JsonObject table = get("/resolutions?from=" + (YEAR - 1) + "&to=" + YEAR, analyst);
    Raw raw = Raw.read();
    for (int year = YEAR - 1; year <= YEAR; year++) {
      assertThat(row(table, "smopk", year).getInt("adopted"))
          .isEqualTo(raw.adopted.getOrDefault("smopk " + year, 0));
      assertThat(row(table, SECOND, year).getInt("adopted")).isZero();
      assertThat(row(table, null, year).getInt("adopted"))
          .isEqualTo(raw.adopted.getOrDefault("smopk " + year, 0));
    }
  }

  @Test
  void eventsHeldParticipantsAndMunicipalitiesReachedAreWhatTheRowsSay() throws SQLException {
    JsonObject table = get("/events?from=" + (YEAR - 2) + "&to=" + YEAR, analyst);
    assertThat(table.getJsonArray("figures").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("events", "participants", "municipalitiesReached");
    // A, not C (cancelled): the checked-in people, of Plzeň and of the public; Čilá came to no
    // check-in and is not reached. B has no check-in at all: its three people with a place.
    JsonObject lastYear = row(table, SECOND, YEAR - 1);
    assertThat(lastYear.getInt("events")).as("the cancelled event does not count").isEqualTo(1);
    assertThat(lastYear.getInt("participants")).isEqualTo(2);
    assertThat(lastYear.getInt("municipalitiesReached")).as("Plzeň").isEqualTo(1);
    assertThat(row(table, SECOND, YEAR - 2).getInt("events")).isZero();
    assertEventsAsTheRowsSay(table);

    // Čilá's person is checked in later (as the check-in page does): the figure follows at once.
    try (Connection app = TestStack.get().database().app()) {
      app.setAutoCommit(false);
      try (Statement s = app.createStatement()) {
        s.execute("SELECT set_config('app.tenant_id', '" + SECOND + "', true)");
        s.execute(
            "UPDATE seminar_participant p SET checked_in_at = now(),"
                + " certificate_code = upper(substr(md5(random()::text), 1, 16))"
                + " FROM seminar_registration r WHERE r.id = p.registration_id"
                + " AND r.seminar_id = '"
                + EVENT_A
                + "' AND r.code = '540927'");
      }
      app.commit();
    }
    table = get("/events?from=" + (YEAR - 2) + "&to=" + YEAR, analyst);
    assertThat(row(table, SECOND, YEAR - 1).getInt("participants")).isEqualTo(3);
    assertThat(row(table, SECOND, YEAR - 1).getInt("municipalitiesReached")).isEqualTo(2);
    assertEventsAsTheRowsSay(table);
  }

  /** Every row (each child and the total) against the figures computed from the raw rows. */
  private static void assertEventsAsTheRowsSay(JsonObject table) throws SQLException {
    Raw raw = Raw.read();
    Map<String, long[]> expected = raw.events();
    int rows = 0;
    for (JsonValue v : table.getJsonArray("rows")) {
      JsonObject row = v.asJsonObject();
      String association = row.isNull("association") ? null : row.getString("association");
      JsonObject f = row.getJsonObject("figures");
      long[] e = expected.getOrDefault(association + " " + row.getInt("year"), new long[3]);
      assertThat(
              List.of(
                  f.getJsonNumber("events").longValue(),
                  f.getJsonNumber("participants").longValue(),
                  f.getJsonNumber("municipalitiesReached").longValue()))
          .as(association + " " + row.getInt("year"))
          .containsExactly(e[0], e[1], e[2]);
      rows++;
    }
    assertThat(rows).isEqualTo((raw.children.size() + 1) * 3);
  }

  @Test
  void articlesPublishedAndSharedCountByTheYearOfPublicationNotDrafts() throws SQLException {
    JsonObject table = get("/articles?from=" + (YEAR - 2) + "&to=" + YEAR, analyst);
    assertThat(row(table, SECOND, YEAR - 1).getInt("published"))
        .as("public, members-only and archived; not the draft")
        .isEqualTo(3);
    assertThat(row(table, SECOND, YEAR - 1).getInt("shared"))
        .as("the members-only one counts, the shared draft does not")
        .isEqualTo(2);
    assertThat(row(table, SECOND, YEAR - 2).getInt("published"))
        .as("New Year's Eve in Prague")
        .isEqualTo(1);
    Map<String, long[]> expected = Raw.read().articles();
    for (JsonValue v : table.getJsonArray("rows")) {
      JsonObject row = v.asJsonObject();
      String association = row.isNull("association") ? null : row.getString("association");
      long[] e = expected.getOrDefault(association + " " + row.getInt("year"), new long[2]);
      JsonObject f = row.getJsonObject("figures");
      assertThat(List.of(f.getInt("published"), f.getInt("shared")))
          .as(association + " " + row.getInt("year"))
          .containsExactly((int) e[0], (int) e[1]);
    }
    // Numbers only: no title or text of any article.
    Api.Response csv = api.get(UNION + "/articles.csv?from=" + (YEAR - 1) + "&to=" + YEAR, analyst);
    assertThat(csv.body()).doesNotContain("clensky-sdileny").doesNotContain("<p>");
  }

  @Test
  void theOverviewListsTheChildrenAndEachTableIsASpreadsheetToo() {
    JsonObject overview = get("", Tokens.accessToken(SMOCR_ADMIN));
    assertThat(overview.getString("union")).isEqualTo("smocr");
    assertThat(
            overview.getJsonArray("associations").stream()
                .map(a -> a.asJsonObject().getString("slug")))
        .contains("smopk");
    assertThat(overview.getJsonArray("tables").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("members", "coverage", "dues", "events", "articles", "resolutions");

    JsonObject json = get("/members?from=" + YEAR + "&to=" + YEAR, analyst);
    Api.Response csv = api.get(UNION + "/members.csv?from=" + YEAR + "&to=" + YEAR, analyst);
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "association;name;year;municipalities;organizations;population;regionPopulation;"
                + "sharePercent;joined;left");
    assertThat(lines).hasSize(json.getJsonArray("rows").size() + 1);
    assertThat(lines[lines.length - 1]).startsWith("\"\";total;" + YEAR + ";");
    assertThat(csv.body()).contains("smopk;");
    for (String table : List.of("coverage", "dues", "events", "articles", "resolutions")) {
      Api.Response r = api.get(UNION + "/" + table + ".csv", analyst);
      assertThat(r.status()).as(table + ": " + r.body()).isEqualTo(200);
    }
  }

  @Test
  void onlyTheUnionsAnalystsAndAdminsReadItAndOnlyAUnionHasIt() {
    assertThat(api.get(UNION + "/members", null).status()).isEqualTo(401);
    assertThat(api.get(UNION + "/members", Tokens.accessToken(SMOCR_MEMBER)).status())
        .isEqualTo(403);
    String smopkAdmin = Tokens.accessToken(SMOPK_ADMIN);
    assertThat(api.get(UNION + "/members", smopkAdmin).status()).isEqualTo(403);
    Api.Response regional = api.get("/api/v1/tenants/smopk/union/members", smopkAdmin);
    assertThat(regional.status()).as("a regional association has no union view").isEqualTo(404);
    assertThat(regional.contentType()).startsWith("application/problem+json");
    for (String table : List.of("/events", "/articles", "/events.csv", "/articles.csv")) {
      assertThat(api.get(UNION + table, Tokens.accessToken(SMOCR_MEMBER)).status())
          .as(table)
          .isEqualTo(403);
      assertThat(api.get(UNION + table, smopkAdmin).status()).as(table).isEqualTo(403);
      assertThat(api.get("/api/v1/tenants/smopk/union" + table, smopkAdmin).status())
          .as(table)
          .isEqualTo(404);
    }
    assertThat(api.get(UNION + "/nothing", analyst).status()).as("no such table").isEqualTo(404);
    assertThat(api.get(UNION + "/nothing.csv", analyst).status()).isEqualTo(404);
  }

  @Test
  void badYearsAreRefusedNamingTheField() {
    assertThat(problemFields("/members?from=1800")).containsExactly("from");
    assertThat(problemFields("/members?from=2020&to=2019")).containsExactly("to");
    assertThat(problemFields("/dues?from=1950&to=2020")).containsExactly("from");
    assertThat(api.get(UNION + "/members?from=abc", analyst).status()).isEqualTo(400);
    assertThat(api.get(UNION + "/members.csv?to=3000", analyst).status()).isEqualTo(400);
  }

  private List<String> problemFields(String query) {
    Api.Response r = api.get(UNION + query, analyst);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    return r.json().asJsonObject().getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field"))
        .toList();
  }

  private JsonObject get(String path, String token) {
    Api.Response r = api.get(UNION + path, token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonObject();
  }

  /** The figures of an association's row (null: the total) of a year. */
  static JsonObject row(JsonObject table, String association, int year) {
    return table.getJsonArray("rows").stream()
        .map(JsonValue::asJsonObject)
        .filter(
            r ->
                (association == null
                        ? r.isNull("association")
                        : !r.isNull("association")
                            && r.getString("association").equals(association))
                    && r.getInt("year") == year)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + association + " " + year + ": " + table))
        .getJsonObject("figures");
  }

  static Connection superuser() throws SQLException {
    return TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
  }

  /**
   * The raw rows, read as the superuser, and the figures computed from them in Java: a second way
   * to the numbers the database's functions give.
   */
  static final class Raw {
    record Membership(
        String tenant,
        String country,
        String code,
        boolean organization,
        String status,
        LocalDate since,
        LocalDate until) {

      boolean memberOn(LocalDate day, LocalDate today) {
        boolean admitted = Set.of("ACTIVE", "SUSPENDED", "LEFT").contains(status);
        return admitted
            && (since == null || !since.isAfter(day))
            && (until == null ? !status.equals("LEFT") : !until.isBefore(day))
            && (!status.equals("SUSPENDED") || day.isBefore(today));
      }
    }

    record Members(
        long municipalities,
        long organizations,
        long covered,
        long region,
        long joined,
        long left) {}

    /** Child slug to its region. */
    final Map<String, String> children = new TreeMap<>();

    /** "CZ 554791" to its district and region. */
    final Map<String, String[]> register = new HashMap<>();

    /** "CZ 554791" to year to population. */
    final Map<String, TreeMap<Integer, Integer>> population = new HashMap<>();

    final List<Membership> memberships = new ArrayList<>();
    final Map<String, BigDecimal> paid = new HashMap<>();
    final Map<String, Integer> adopted = new HashMap<>();
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    static Raw read() throws SQLException {
      Raw raw = new Raw();
      try (Connection c = superuser();
          Statement s = c.createStatement()) {
        try (ResultSet rs =
            s.executeQuery("SELECT id, region FROM tenant WHERE parent_id = 'smocr'")) {
          while (rs.next()) {
            raw.children.put(rs.getString(1), rs.getString(2));
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT country, code, district, region FROM municipality WHERE country = 'CZ'")) {
          while (rs.next()) {
            raw.register.put(
                rs.getString(1) + " " + rs.getString(2),
                new String[] {rs.getString(3), rs.getString(4)});
          }
        }
        try (ResultSet rs =
            s.executeQuery("SELECT country, code, year, population FROM municipality_population")) {
          while (rs.next()) {
            raw.population
                .computeIfAbsent(rs.getString(1) + " " + rs.getString(2), k -> new TreeMap<>())
                .put(rs.getInt(3), rs.getInt(4));
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT tenant_id, country, code, organization_id IS NOT NULL, status, since, until"
                    + " FROM membership")) {
          while (rs.next()) {
            if (raw.children.containsKey(rs.getString(1))) {
              raw.memberships.add(
                  new Membership(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getBoolean(4),
                      rs.getString(5),
                      local(rs.getDate(6)),
                      local(rs.getDate(7))));
            }
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT tenant_id, year, amount FROM dues_payment WHERE cancelled_at IS NULL")) {
          while (rs.next()) {
            if (raw.children.containsKey(rs.getString(1))) {
              raw.paid.merge(
                  rs.getString(1) + " " + rs.getInt(2), rs.getBigDecimal(3), BigDecimal::add);
            }
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT tenant_id, extract(year FROM voted_at)::int FROM resolution"
                    + " WHERE outcome = 'ADOPTED'")) {
          while (rs.next()) {
            raw.adopted.merge(rs.getString(1) + " " + rs.getInt(2), 1, Integer::sum);
          }
        }
      }
      return raw;
    }

    /**
     * "association year" (association "null" for the total) to events held, participants and
     * municipalities reached, from the seminars' own rows: an event counts in the year it ended
     * (Prague), if not cancelled and ended by now; its people are those checked in, or, where
     * nobody was, those with a confirmed place; the municipalities are theirs.
     */
    Map<String, long[]> events() throws SQLException {
      record Person(
          String tenant, String event, int year, String code, boolean in, boolean place) {}
      List<Person> people = new ArrayList<>();
      Map<String, Integer> held = new HashMap<>();
      try (Connection c = superuser();
          Statement s = c.createStatement()) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT tenant_id, id, ends_at FROM seminar WHERE cancelled_at IS NULL"
                    + " AND ends_at <= now()")) {
          while (rs.next()) {
            if (children.containsKey(rs.getString(1))) {
              held.put(
                  rs.getString(1) + " " + rs.getString(2),
                  rs.getTimestamp(3)
                      .toInstant()
                      .atZone(java.time.ZoneId.of("Europe/Prague"))
                      .getYear());
            }
          }
        }
        try (ResultSet rs =
            s.executeQuery(
                "SELECT p.tenant_id, p.seminar_id, r.code, p.checked_in_at IS NOT NULL,"
                    + " r.status = 'CONFIRMED' AND p.active FROM seminar_participant p"
                    + " JOIN seminar_registration r ON r.tenant_id = p.tenant_id"
                    + " AND r.id = p.registration_id")) {
          while (rs.next()) {
            Integer year = held.get(rs.getString(1) + " " + rs.getString(2));
            if (year != null) {
              people.add(
                  new Person(
                      rs.getString(1),
                      rs.getString(2),
                      year,
                      rs.getString(3),
                      rs.getBoolean(4),
                      rs.getBoolean(5)));
            }
          }
        }
      }
      Set<String> withCheckIn = new HashSet<>();
      people.stream()
          .filter(Person::in)
          .forEach(p -> withCheckIn.add(p.tenant() + " " + p.event()));
      List<Person> counted =
          people.stream()
              .filter(p -> withCheckIn.contains(p.tenant() + " " + p.event()) ? p.in() : p.place())
              .toList();
      Map<String, long[]> figures = new HashMap<>();
      Map<String, Set<String>> reached = new HashMap<>();
      held.forEach(
          (event, year) -> {
            figures.computeIfAbsent(event.split(" ")[0] + " " + year, k -> new long[3])[0]++;
            figures.computeIfAbsent("null " + year, k -> new long[3])[0]++;
          });
      for (Person p : counted) {
        for (String key : List.of(p.tenant() + " " + p.year(), "null " + p.year())) {
          figures.computeIfAbsent(key, k -> new long[3])[1]++;
          if (p.code() != null) {
            reached.computeIfAbsent(key, k -> new HashSet<>()).add(p.code());
          }
        }
      }
      reached.forEach((key, codes) -> figures.get(key)[2] = codes.size());
      return figures;
    }

    /** "association year" to articles published (or since archived) and of them shared. */
    Map<String, long[]> articles() throws SQLException {
      Map<String, long[]> figures = new HashMap<>();
      try (Connection c = superuser();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT tenant_id, published_at, shared_with_union FROM magazine_article"
                      + " WHERE status IN ('PUBLISHED', 'ARCHIVED')")) {
        while (rs.next()) {
          if (!children.containsKey(rs.getString(1))) {
            continue;
          }
          int year =
              rs.getTimestamp(2).toInstant().atZone(java.time.ZoneId.of("Europe/Prague")).getYear();
          for (String key : List.of(rs.getString(1) + " " + year, "null " + year)) {
            long[] f = figures.computeIfAbsent(key, k -> new long[2]);
            f[0]++;
            if (rs.getBoolean(3)) {
              f[1]++;
            }
          }
        }
      }
      return figures;
    }

    private static LocalDate local(Date date) {
      return date == null ? null : date.toLocalDate();
    }

    private LocalDate dayOf(int year) {
      LocalDate last = LocalDate.of(year, 12, 31);
      return last.isBefore(today) ? last : today;
    }

    private Integer populationOf(String key, int year) {
      TreeMap<Integer, Integer> byYear = population.get(key);
      if (byYear == null) {
        return null;
      }
      Map.Entry<Integer, Integer> e = byYear.floorEntry(year);
      return e == null ? null : e.getValue();
    }

    /** The municipalities of the association's region, or of the union of all its children's. */
    private Set<String> regionOf(String association) {
      Set<String> regions = new HashSet<>();
      if (association == null) {
        regions.addAll(children.values());
      } else {
        regions.add(children.get(association));
      }
      Set<String> keys = new HashSet<>();
      register.forEach(
          (key, dr) -> {
            if (regions.contains(dr[1]) || regions.contains(null)) {
              keys.add(key);
            }
          });
      return keys;
    }

    private List<Membership> of(String association) {
      return memberships.stream()
          .filter(m -> association == null || m.tenant().equals(association))
          .toList();
    }

    /** The municipalities that are members on the year's day. */
    private Set<String> membersOn(String association, int year) {
      Set<String> keys = new HashSet<>();
      for (Membership m : of(association)) {
        if (!m.organization() && m.memberOn(dayOf(year), today)) {
          keys.add(m.country() + " " + m.code());
        }
      }
      return keys;
    }

    Members members(String association, int year) {
      LocalDate day = dayOf(year);
      Set<String> municipalities = membersOn(association, year);
      long organizations =
          of(association).stream().filter(m -> m.organization() && m.memberOn(day, today)).count();
      Set<String> region = regionOf(association);
      long covered = 0;
      long regionPopulation = 0;
      for (String key : region) {
        Integer people = populationOf(key, year);
        if (people != null) {
          regionPopulation += people;
          if (municipalities.contains(key)) {
            covered += people;
          }
        }
      }
      LocalDate first = LocalDate.of(year, 1, 1);
      long joined =
          of(association).stream()
              .filter(m -> !m.status().equals("APPLIED") && m.since() != null)
              .filter(m -> !m.since().isBefore(first) && !m.since().isAfter(day))
              .count();
      long left =
          of(association).stream()
              .filter(m -> m.status().equals("LEFT") && m.until() != null)
              .filter(m -> m.until().getYear() == year)
              .count();
      return new Members(
          municipalities.size(), organizations, covered, regionPopulation, joined, left);
    }

    /** Covered, not covered; districts fully, partly, not. */
    long[] coverage(String association, int year) {
      Set<String> members = membersOn(association, year);
      Map<String, int[]> districts = new HashMap<>();
      long covered = 0;
      long not = 0;
      for (String key : regionOf(association)) {
        boolean member = members.contains(key);
        int[] d = districts.computeIfAbsent(register.get(key)[0], k -> new int[2]);
        d[1]++;
        if (member) {
          d[0]++;
          covered++;
        } else {
          not++;
        }
      }
      long fully = districts.values().stream().filter(d -> d[0] == d[1]).count();
      long none = districts.values().stream().filter(d -> d[0] == 0).count();
      return new long[] {covered, not, fully, districts.size() - fully - none, none};
    }
  }
}
