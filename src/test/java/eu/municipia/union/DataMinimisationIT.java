package eu.municipia.union;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOCR_ANALYST;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestData;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data minimisation, proven: the tables that hold personal data are listed here (a tenant table
 * with a column that names or reaches a person and no entry here fails the first test, so the
 * magazine's subscribers and the seminars' registrations must be listed when they land); none of
 * their rows reaches a union caller, neither by the union's figures (the database functions return
 * only slugs, years and numbers, and cannot read those tables at all) nor by the ordinary endpoints
 * of a child association, where the union analyst holds no role.
 */
@MunicipiaIT
class DataMinimisationIT {

  /**
   * Every tenant table with personal data on main, and what it holds. The magazine (subscribers)
   * and seminars (registrations) add theirs when they land.
   */
  static final Map<String, String> PERSONAL =
      Map.ofEntries(
          Map.entry("person", "logins: user names, names, e-mail addresses"),
          Map.entry("role_grant", "who holds which role, who granted it"),
          Map.entry("audit_entry", "who changed what, with the states before and after"),
          Map.entry("membership_event", "who changed a membership, and why"),
          Map.entry("membership_application", "applicants: name, e-mail, phone"),
          Map.entry("email_confirmation", "links mailed to applicants"),
          Map.entry("outbox_message", "e-mail: recipients and texts"),
          Map.entry("official", "contacts and officials: name, e-mail, phone, login"),
          Map.entry("member_organization", "members that are organisations: names, IČO"),
          Map.entry("invitation", "invitations: e-mail, login, who invited"),
          Map.entry("body_seat", "people in governing bodies: name, e-mail"),
          Map.entry("attendance", "who attended a meeting when"),
          Map.entry("resolution_vote", "votes by name"),
          Map.entry("resolution_revision", "who corrected a resolution"),
          Map.entry("resolution_task", "tasks and who is responsible"),
          Map.entry("meeting_file", "minutes and materials, who uploaded them"),
          Map.entry("meeting", "who announced and invited"),
          Map.entry("dues_rate", "who set the rate"),
          Map.entry("dues_payment", "payments: notes, who recorded and cancelled them"),
          Map.entry("resolution", "who recorded it; members-only texts"),
          Map.entry("resolution_search", "the texts of resolutions"),
          Map.entry("seminar", "who created an event"),
          Map.entry("seminar_registration", "registrations: contact name, e-mail, who registered"),
          Map.entry("seminar_participant", "participants: name, e-mail, who checked them in"),
          Map.entry("outbox_attachment", "attachments of e-mail (tickets, calendars)"),
          Map.entry("outbox_content", "texts of newsletters, the sender's name"),
          Map.entry("site_profile", "the association's contact address and phone"),
          Map.entry("magazine_article", "articles: who wrote them; members-only texts"),
          Map.entry("magazine_file", "who uploaded a file"),
          Map.entry(
              "magazine_shared_article",
              "texts of public articles that their association shared with the union (its own"
                  + " read policy, not union_aggregates: the union reads them, credited)"),
          Map.entry("newsletter_subscriber", "subscribers: e-mail, name"),
          Map.entry("newsletter_send", "who sent an issue"),
          Map.entry("newsletter_bounce", "bounced addresses and why"));

  /**
   * The personal tables the union's functions count in (never their personal columns: the functions
   * return numbers only, which the second test checks of every function the app may call). Every
   * other personal table is unreadable to the union's functions.
   */
  static final Set<String> COUNTED =
      Set.of("dues_rate", "dues_payment", "resolution", "seminar", "magazine_article");

  /**
   * Tables that exist for the union's figures: numbers per event and municipality that the
   * association's own transactions keep (V103), union-readable, with no personal column.
   */
  static final Set<String> AGGREGATES = Set.of("seminar_reach");

  /**
   * The one union function that returns rows rather than numbers, the map (V102): the register's
   * public data of every municipality and the slugs of the child associations it belongs to.
   */
  static final List<String> MAP_COLUMNS =
      List.of(
          "country character",
          "code text",
          "name text",
          "district text",
          "region text",
          "population integer",
          "lat numeric",
          "lon numeric",
          "associations text[]");

  /** A column name that names or reaches a person, or holds free text about one. */
  static final String PERSONAL_COLUMN =
      "^(name|email|phone|display_name|username|recipient|subject|issuer|note|reason|body|text"
          + "|.*_subject|.*_name|.*_by|applicant_.*|.*_email|.*_phone)$";

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

  /**
   * The background jobs' questions (V113): which associations have work due, and how much mail
   * waits in all; and the read cache's (V116): the version of an association's kept reads. Their
   * results, as PostgreSQL writes them: slugs and numbers, never a row.
   */
  private static final Map<String, String> DUE_WORK =
      Map.of(
          "outbox_due_tenants", "SETOF text",
          "magazine_due_tenants", "SETOF text",
          "seminar_due_tenants", "SETOF text",
          "outbox_waiting", "TABLE(waiting bigint, oldest timestamp with time zone)",
          "read_version", "bigint");

  @Test
  void everyTenantTableWithPersonalColumnsIsListedAndNoUnionFunctionReadsAnUncountedOne()
      throws SQLException {
    Map<String, Set<String>> found = new TreeMap<>();
    Set<String> unionReadable = new TreeSet<>();
    try (Connection c = superuser();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT c.table_name, c.column_name FROM information_schema.columns c"
                  + " WHERE c.table_schema = 'public' AND c.column_name ~ '"
                  + PERSONAL_COLUMN
                  + "' AND c.data_type <> 'boolean'"
                  + " AND EXISTS (SELECT 1 FROM information_schema.columns t"
                  + "  WHERE t.table_schema = 'public' AND t.table_name = c.table_name"
                  + "  AND t.column_name = 'tenant_id')")) {
        while (rs.next()) {
          found.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT tablename FROM pg_policies WHERE schemaname = 'public'"
                  + " AND policyname = 'union_aggregates'")) {
        while (rs.next()) {
          unionReadable.add(rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT relname FROM pg_class WHERE relkind = 'r' AND relname = ANY ('{"
                  + String.join(",", PERSONAL.keySet())
                  + "}') AND NOT (relrowsecurity AND relforcerowsecurity)")) {
        assertThat(rs.next()).as("every personal table has forced row-level security").isFalse();
      }
    }
    assertThat(PERSONAL.keySet())
        .as("tables with personal columns %s must be listed in PERSONAL", found)
        .containsAll(found.keySet());
    assertThat(unionReadable).contains("membership").containsAll(COUNTED).containsAll(AGGREGATES);
    assertThat(found.keySet())
        .as("aggregate tables hold no personal column")
        .doesNotContainAnyElementsOf(AGGREGATES);
    assertThat(PERSONAL.keySet()).doesNotContainAnyElementsOf(AGGREGATES);
    assertThat(unionReadable)
        .as("the union reads the registrations and participants only as the aggregates' numbers")
        .doesNotContain("seminar_registration", "seminar_participant");
    for (String table : PERSONAL.keySet()) {
      if (!COUNTED.contains(table)) {
        assertThat(unionReadable).as(table + " is unreadable to the union").doesNotContain(table);
      }
    }
  }

  @Test
  void theOnlyFunctionsThatReadAcrossAssociationsReturnSlugsYearsAndNumbers() throws SQLException {
    List<String> functions = new ArrayList<>();
    try (Connection c = superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT p.proname, p.proargnames, p.proargmodes::text[],"
                    + " (SELECT array_agg(format_type(t, NULL) ORDER BY o)"
                    + "  FROM unnest(p.proallargtypes) WITH ORDINALITY a(t, o)),"
                    + " pg_get_function_result(p.oid)"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE n.nspname = 'public' AND p.prosecdef"
                    + " AND has_function_privilege(?, p.oid, 'EXECUTE')")) {
      ps.setString(1, EmbeddedDatabase.APP_ROLE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          functions.add(name);
          if (DUE_WORK.containsKey(name)) {
            assertThat(rs.getString(5))
                .as(name + " answers association slugs or counts only")
                .isEqualTo(DUE_WORK.get(name));
            continue;
          }
          String[] names = (String[]) rs.getArray(2).getArray();
          String[] modes = (String[]) rs.getArray(3).getArray();
          String[] types = (String[]) rs.getArray(4).getArray();
          List<String> out = new ArrayList<>();
          for (int i = 0; i < modes.length; i++) {
            if (modes[i].equals("t")) {
              out.add(names[i] + " " + types[i]);
            }
          }
          if (name.equals("union_map")) {
            assertThat(out)
                .as("the map returns the public register's data and association slugs only")
                .containsExactly(MAP_COLUMNS.toArray(String[]::new));
            continue;
          }
          assertThat(out.get(0)).as(name).isEqualTo("association text");
          assertThat(out.get(1)).as(name).isEqualTo("year integer");
          assertThat(out.subList(2, out.size()))
              .as(name + " returns numbers only")
              .allMatch(
                  col ->
                      col.endsWith(" bigint")
                          || col.endsWith(" numeric")
                          || col.endsWith(" integer"));
        }
      }
    }
    assertThat(functions)
        .as("security-definer functions the app may call")
        .containsExactlyInAnyOrder(
            Stream.concat(
                    Stream.of(
                        "union_members",
                        "union_coverage",
                        "union_dues",
                        "union_events",
                        "union_articles",
                        "union_resolutions",
                        "union_map"),
                    DUE_WORK.keySet().stream())
                .toArray(String[]::new));
  }

  @Test
  void theJobsAskWhichAssociationsHaveWorkDueAndSeeNoRowWhileAnAssociationIsBound()
      throws SQLException {
    UUID id = UUID.randomUUID();
    // Due in an hour: the running outbox worker leaves it; the question asks about tomorrow.
    try (Connection c = superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO outbox_message (id, tenant_id, created_at, recipient, subject, body,"
                    + " next_attempt_at) VALUES (?, 'smojck', now(), 'due-work@example.org',"
                    + " 'x', 'x', now() + interval '1 hour')")) {
      ps.setObject(1, id);
      ps.executeUpdate();
    }
    try (Connection app = TestStack.get().database().app()) {
      app.setAutoCommit(false);
      try (Statement s = app.createStatement()) {
        assertThat(slugs(s, "SELECT outbox_due_tenants(now() + interval '1 day')"))
            .contains("smojck");
        assertThat(slugs(s, "SELECT outbox_due_tenants(now())")).doesNotContain("smojck");
        // The app role itself never reads a row outside its association, even asking for it.
        s.execute("SELECT set_config('app.due_work', 'on', true)");
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM outbox_message WHERE recipient = 'due-work@example.org'")) {
          rs.next();
          assertThat(rs.getLong(1)).isZero();
        }
        // With an association bound (as every union function runs), the jobs' policy is off.
        s.execute("SELECT set_config('app.tenant_id', 'smocr', true)");
        assertThat(slugs(s, "SELECT outbox_due_tenants(now() + interval '1 day')"))
            .doesNotContain("smojck");
      } finally {
        app.rollback();
      }
    } finally {
      try (Connection c = superuser();
          PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_message WHERE id = ?")) {
        ps.setObject(1, id);
        ps.executeUpdate();
      }
    }
  }

  private static List<String> slugs(Statement s, String sql) throws SQLException {
    List<String> slugs = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        slugs.add(rs.getString(1));
      }
    }
    return slugs;
  }

  @Test
  void asTheUnionTheAppRoleSeesNoChildsRowOutsideTheFunctions() throws SQLException {
    try (Connection app = TestStack.get().database().app()) {
      app.setAutoCommit(false);
      try (Statement s = app.createStatement()) {
        s.execute("SELECT set_config('app.tenant_id', 'smocr', true)");
        for (String table : new TreeSet<>(PERSONAL.keySet())) {
          if (!readable(app, table) || table.equals("magazine_shared_article")) {
            continue; // the union reads what was shared with it: checked below
          }
          try (ResultSet rs =
              s.executeQuery("SELECT count(*) FROM " + table + " WHERE tenant_id <> 'smocr'")) {
            rs.next();
            assertThat(rs.getLong(1)).as(table).isZero();
          }
        }
        try (ResultSet rs =
            s.executeQuery("SELECT count(*) FROM membership WHERE tenant_id <> 'smocr'")) {
          rs.next();
          assertThat(rs.getLong(1)).as("membership outside the union's functions").isZero();
        }
        // Shared articles: the union reads them (its good-practice feed), and only those that
        // their association published for everyone and shared with it.
        List<String> shared = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery(
                "SELECT tenant_id || '/' || id FROM magazine_shared_article"
                    + " WHERE tenant_id <> 'smocr'")) {
          while (rs.next()) {
            shared.add(rs.getString(1));
          }
        }
        app.rollback();
        try (Connection c = superuser();
            Statement check = c.createStatement()) {
          for (String row : shared) {
            String[] key = row.split("/");
            try (ResultSet rs =
                check.executeQuery(
                    "SELECT audience, status, shared_with_union FROM magazine_article"
                        + " WHERE tenant_id = '"
                        + key[0]
                        + "' AND id = '"
                        + key[1]
                        + "'")) {
              assertThat(rs.next()).as(row).isTrue();
              assertThat(rs.getString(1)).as(row + " audience").isEqualTo("PUBLIC");
              assertThat(rs.getString(2)).as(row + " status").isIn("PUBLISHED", "ARCHIVED");
              assertThat(rs.getBoolean(3)).as(row + " shared").isTrue();
            }
          }
        }
      }
      app.rollback();
    }
  }

  @Test
  void noPersonalDatumOfAChildReachesTheUnionAnalystByAnyEndpoint() throws SQLException {
    String mark = "Minimal" + UUID.randomUUID().toString().substring(0, 8);
    String smopkAdmin = Tokens.accessToken(SMOPK_ADMIN);
    String email = mark.toLowerCase() + "@example.org";
    String code = "540927"; // Čilá, a demo member of SMOPK
    JsonObject official =
        TestData.official(api, "smopk", code, mark + " Official", email, smopkAdmin);
    int year = LocalDate.now(ZoneOffset.UTC).getYear();
    Api.Response rate =
        api.put(
            "/api/v1/tenants/smopk/dues/" + year + "/rate",
            smopkAdmin,
            "application/json",
            "{\"ratePerInhabitant\":1.00,\"minimum\":0,\"maximum\":100000}");
    Api.Response payment =
        api.post(
            "/api/v1/tenants/smopk/dues/" + year + "/payments",
            smopkAdmin,
            "application/json",
            "{\"code\":\""
                + code
                + "\",\"amount\":1,\"paidOn\":\""
                + LocalDate.now(ZoneOffset.UTC)
                + "\",\"note\":\""
                + mark
                + " note\"}");
    assertThat(payment.status()).as(rate.body() + payment.body()).isEqualTo(201);
    try (Connection c = superuser();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO membership_application (id, tenant_id, country, code, applicant_name,"
              + " applicant_email, applicant_phone, language, consent_at, submitted_at, status,"
              + " decided_at, decision_reason)"
              // Decided, so that no open application of another test is in the way.
              + " SELECT gen_random_uuid(), 'smopk', 'CZ', '559091', '"
              + mark
              + " Applicant', '"
              + email
              + "', '+420 777 000 111', 'cs', now(), now(), 'REJECTED', now(), 'test'"
              + " WHERE NOT EXISTS (SELECT 1 FROM membership_application"
              + "  WHERE applicant_name = '"
              + mark
              + " Applicant')");
    }
    List<String> markers = List.of(mark, mark.toLowerCase(), "777 000 111");

    String analyst = Tokens.accessToken(SMOCR_ANALYST);
    String unionAdmin = Tokens.accessToken(SMOCR_ADMIN);
    List<String> leaks = new ArrayList<>();
    List<String> answered = new ArrayList<>();
    for (String map :
        List.of(
            "/map",
            "/map?association=smopk",
            "/districts",
            "/districts.csv",
            "/districts/members?district=Rokycany",
            "/districts/members?district=Rokycany&association=smopk")) {
      String path = "/api/v1/tenants/smocr/union" + map;
      for (String token : List.of(analyst, unionAdmin)) {
        Api.Response r = api.get(path, token);
        assertThat(r.status()).as(path).isEqualTo(200);
        check(path, r, markers, leaks);
      }
    }
    for (String table :
        List.of("", "/members", "/coverage", "/dues", "/events", "/articles", "/resolutions")) {
      for (String suffix : table.isEmpty() ? List.of("") : List.of("", ".csv")) {
        String path =
            "/api/v1/tenants/smocr/union"
                + table
                + suffix
                + (table.isEmpty() ? "" : "?from=2000&to=" + year);
        for (String token : List.of(analyst, unionAdmin)) {
          Api.Response r = api.get(path, token);
          assertThat(r.status()).as(path).isEqualTo(200);
          check(path, r, markers, leaks);
        }
      }
    }

    // Every GET of an association in the API, for SMOPK (where the analyst has no role) and for
    // SMO ČR (the analyst's own, where SMOPK's rows are not), with the marked rows' ids.
    Map<String, String> values =
        Map.of(
            "{code}",
            code,
            "{year}",
            Integer.toString(year),
            "{id}",
            official.getString("id"),
            "{email}",
            email);
    for (String template : associationGets()) {
      for (String tenant : List.of("smopk", "smocr")) {
        String path = template.replace("{tenant}", tenant);
        for (Map.Entry<String, String> v : values.entrySet()) {
          path = path.replace(v.getKey(), v.getValue());
        }
        path = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        Api.Response r =
            api.get(path + (path.contains("?") ? "&" : "?") + "email=" + email, analyst);
        check(path, r, markers, leaks);
        answered.add(r.status() + " " + path);
      }
    }
    assertThat(leaks)
        .as("answers to the union analyst that hold a child's personal data")
        .isEmpty();
    assertThat(answered)
        .as("the child's personal endpoints refuse the union analyst")
        .contains(
            "403 /api/v1/tenants/smopk/members/contacts",
            "403 /api/v1/tenants/smopk/members/export.csv",
            "403 /api/v1/tenants/smopk/members/" + code + "/officials",
            "403 /api/v1/tenants/smopk/applications",
            "403 /api/v1/tenants/smopk/dues/" + year + "/payments",
            "403 /api/v1/tenants/smopk/people",
            "403 /api/v1/tenants/smopk/audit");
  }

  private static void check(String path, Api.Response r, List<String> markers, List<String> leaks) {
    for (String marker : markers) {
      if (r.body() != null && r.body().contains(marker)) {
        leaks.add(r.status() + " " + path + " holds " + marker);
      }
    }
  }

  /** The API's GET operations of an association, from its OpenAPI document. */
  private List<String> associationGets() {
    Api.Response r = api.get("/openapi?format=JSON", null);
    assertThat(r.status()).isEqualTo(200);
    List<String> gets = new ArrayList<>();
    JsonObject paths = r.json().asJsonObject().getJsonObject("paths");
    for (String path : paths.keySet()) {
      if (path.startsWith("/api/v1/tenants/{tenant}/")
          && paths.getJsonObject(path).containsKey("get")) {
        gets.add(path);
      }
    }
    assertThat(gets).hasSizeGreaterThan(20);
    return gets;
  }

  private static boolean readable(Connection app, String table) throws SQLException {
    try (PreparedStatement ps = app.prepareStatement("SELECT has_table_privilege(?, 'SELECT')")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static Connection superuser() throws SQLException {
    return TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
  }
}
