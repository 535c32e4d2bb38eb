package eu.municipia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.bench.Load.Stats;
import eu.municipia.platform.control.CzechText;
import eu.municipia.resolutions.control.RegisterFilter;
import eu.municipia.resolutions.control.RegisterQuery;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The register's search over 50,000 published resolutions of 15 associations (3,334 each, about as
 * many as an association writes in 40 years): one word in another inflection ("rozpočtu") and a
 * phrase ("schvaluje rozpočet"), through the API as the public, one client and four; and beside it
 * the very same SQL (RegisterQuery: the page of 20 with what the list shows of each and the count
 * of all) run alone over JDBC as the app role in a transaction with the association set, as the app
 * runs it. The resolutions are written straight into the tables (with the app's own Czech
 * analysis), since recording 50,000 through the API would take an hour here; their texts are
 * generated from the phrases real resolutions use.
 */
@MunicipiaIT
class ResolutionSearchBenchmark {

  private static final int ASSOCIATIONS = 15;
  private static final int PER_ASSOCIATION = 3_334;
  private static final int WARM_UP = 30;

  /**
   * Requests of both measured queries, taken in turns, before any is measured. Measured here: with
   * only the 30 warm-up requests of each run, the HotSpot JIT still compiled for seconds while the
   * first query (one word) was measured (JFR: about 7 s of compilations over 100 ms each within 10
   * s on 2 cores), so that query paid for the warm-up of the JVM, not for the search.
   */
  private static final int JIT_WARM_UP = 400;

  private static final int REQUESTS = 200;
  private static final int CLIENTS = 4;
  private static final String MEASURED = "bench08";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  @Test
  void oneWordAndAPhraseOver50000ResolutionsOf15Associations() throws Exception {
    int loaded = ensureLoaded();
    URI base = Deployments.base(deployed);
    Load load = new Load(base);
    awaitTenant(load);
    List<String> queries = List.of("rozpočtu", "\"schvaluje rozpočet\"");
    for (int i = 0; i < JIT_WARM_UP; i++) {
      assertThat(load.get(searchPath(queries.get(i % queries.size()))).status()).isEqualTo(200);
    }
    BenchResults.Table table =
        BenchResults.table(
            "Search of the register: "
                + loaded
                + " published resolutions of "
                + ASSOCIATIONS
                + " associations, in "
                + MEASURED
                + " (one of them): after "
                + JIT_WARM_UP
                + " requests of both queries in turns to warm the JVM up, "
                + WARM_UP
                + " warm-up requests, then "
                + REQUESTS
                + " measured per run",
            "query",
            "what",
            "clients",
            "hits",
            "median ms",
            "p95 ms",
            "max ms",
            "per s");
    for (String q : queries) {
      String path = searchPath(q);
      long hits = FullRegister.json(load.get(path).body()).getJsonNumber("total").longValue();
      assertThat(hits).as(q).isGreaterThan(0);
      Consumer<Load.Answer> check =
          a -> {
            assertThat(a.status()).isEqualTo(200);
            JsonObject page = FullRegister.json(a.body());
            assertThat(page.getJsonNumber("total").longValue()).isEqualTo(hits);
            assertThat(page.getJsonArray("items")).isNotEmpty();
          };
      row(table, q, "GET API (public)", 1, hits, load.sequential(path, WARM_UP, REQUESTS, check));
      row(
          table,
          q,
          "GET API (public)",
          CLIENTS,
          hits,
          load.concurrent(path, CLIENTS, REQUESTS, check));
      row(table, q, "the same SQL alone (page with its count)", 1, hits, sqlAlone(q, hits));
    }
    row(
        table,
        "rozpcet (a typo)",
        "GET API (public)",
        1,
        FullRegister.json(load.get("/api/v1/tenants/" + MEASURED + "/resolutions?q=rozpcet").body())
            .getJsonNumber("total")
            .longValue(),
        load.sequential(
            "/api/v1/tenants/" + MEASURED + "/resolutions?q=rozpcet",
            WARM_UP,
            REQUESTS,
            a -> assertThat(a.status()).isEqualTo(200)));
    BenchResults.note(
        "Resolution search: the hits are the public resolutions of "
            + MEASURED
            + " that match; the SQL alone runs the app's RegisterQuery as the app role, with"
            + " set_config('app.tenant_id') in the same transaction, so row-level security applies"
            + " as in the app.");
    PayaraMemory.describe()
        .ifPresent(m -> BenchResults.note("Payara after the search runs: " + m + "."));
    BenchResults.print();
  }

  private static String searchPath(String query) {
    return "/api/v1/tenants/"
        + MEASURED
        + "/resolutions?q="
        + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static void row(
      BenchResults.Table table, String query, String what, int clients, long hits, Stats s) {
    table.row(
        query,
        what,
        String.valueOf(clients),
        String.valueOf(hits),
        BenchResults.number(s.median(), 1),
        BenchResults.number(s.p95(), 1),
        BenchResults.number(s.max(), 1),
        BenchResults.number(s.perSecond(), 0));
  }

  /**
   * The app's SQL for the query, run alone: the first page with the count, one transaction each.
   */
  private static Stats sqlAlone(String q, long hits) throws SQLException {
    RegisterQuery query =
        RegisterQuery.of(new RegisterFilter(q, null, null, null, null), false, LocalDate.now());
    RegisterQuery.Sql page = query.page(0, 20);
    List<Long> times = new ArrayList<>();
    try (Connection c = TestStack.get().database().app()) {
      c.setAutoCommit(false);
      try (PreparedStatement tenant =
              c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)");
          PreparedStatement paging = prepare(c, page)) {
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
          long start = System.nanoTime();
          tenant.setString(1, MEASURED);
          tenant.execute();
          long total = 0;
          int rows = 0;
          try (ResultSet rs = paging.executeQuery()) {
            while (rs.next()) {
              rows++;
              total = rs.getLong(rs.getMetaData().getColumnCount());
            }
          }
          c.commit();
          long nanos = System.nanoTime() - start;
          assertThat(total).isEqualTo(hits);
          assertThat(rows).isEqualTo((int) Math.min(20, hits));
          if (i >= WARM_UP) {
            times.add(nanos);
          }
        }
      }
    }
    long wall = times.stream().mapToLong(Long::longValue).sum();
    return Stats.of(times, wall);
  }

  private static PreparedStatement prepare(Connection c, RegisterQuery.Sql sql)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql.jdbcText());
    for (int i = 0; i < sql.parameters().size(); i++) {
      ps.setObject(i + 1, sql.parameters().get(i));
    }
    return ps;
  }

  private static void awaitTenant(Load load) throws InterruptedException {
    // The app re-reads the list of associations every 30 s.
    for (int i = 0; i < 40; i++) {
      if (load.get("/api/v1/tenants/" + MEASURED + "/resolutions?limit=1").status() == 200) {
        return;
      }
      Thread.sleep(2_000);
    }
    throw new AssertionError(MEASURED + " never became known to the app");
  }

  /** Writes the associations and their resolutions unless an earlier run did. */
  private static int ensureLoaded() throws SQLException {
    try (Connection c = TestStack.get().database().superuser("municipia")) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*) FROM resolution_search WHERE tenant_id LIKE 'bench%'")) {
        rs.next();
        int existing = rs.getInt(1);
        if (existing >= ASSOCIATIONS * PER_ASSOCIATION) {
          return existing;
        }
      }
      c.setAutoCommit(false);
      Random random = new Random(2026);
      long start = System.nanoTime();
      for (int t = 1; t <= ASSOCIATIONS; t++) {
        String tenant = String.format("bench%02d", t);
        load(c, tenant, t, random);
        c.commit();
      }
      BenchResults.note(
          "Resolution search: "
              + ASSOCIATIONS * PER_ASSOCIATION
              + " resolutions written (with their Czech analysis) in "
              + BenchResults.number((System.nanoTime() - start) / 1e9, 1)
              + " s.");
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE resolution_search");
        s.execute("ANALYZE resolution");
      }
      c.commit();
      return ASSOCIATIONS * PER_ASSOCIATION;
    }
  }

  private static void load(Connection c, String tenant, int n, Random random) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tenant (id, parent_id, name_cs, name_en, kind) VALUES (?, 'smocr', ?, ?,"
                + " 'ASSOCIATION') ON CONFLICT (id) DO NOTHING")) {
      ps.setString(1, tenant);
      ps.setString(2, "Sdružení obcí č. " + n);
      ps.setString(3, "Association of municipalities no. " + n);
      ps.executeUpdate();
    }
    String[] patterns = {"SV/{year}/{n}", "Sněm/{year}/{n}"};
    UUID[] bodies = new UUID[patterns.length];
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO governing_body (id, tenant_id, name_cs, name_en, kind, number_pattern,"
                + " quorum_basis, majority, created_at) VALUES (?, ?, ?, ?, ?, ?, 'MEMBERS',"
                + " 'HALF_OF_PRESENT', now())")) {
      for (int b = 0; b < patterns.length; b++) {
        bodies[b] = UUID.randomUUID();
        ps.setObject(1, bodies[b]);
        ps.setString(2, tenant);
        ps.setString(3, b == 0 ? "Správní výbor" : "Sněm");
        ps.setString(4, b == 0 ? "Executive Committee" : "General Assembly");
        ps.setString(5, b == 0 ? "EXECUTIVE_COMMITTEE" : "ASSEMBLY");
        ps.setString(6, patterns[b]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    PreparedStatement meetings =
        c.prepareStatement(
            "INSERT INTO meeting (id, tenant_id, body_id, number, starts_at, place, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 'Sídlo sdružení', now())");
    PreparedStatement resolutions =
        c.prepareStatement(
            "INSERT INTO resolution (id, tenant_id, body_id, meeting_id, year, seq, number, type,"
                + " title, text, voted_at, votes_for, votes_against, abstained, present, basis,"
                + " quorum, majority, needed, outcome, by_name, visibility, published_at,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'GENERAL', ?, ?, ?, ?, ?, ?, ?, 9,"
                + " 5, 'HALF_OF_PRESENT', ?, ?, false, ?, now(), now())");
    PreparedStatement search =
        c.prepareStatement(
            "INSERT INTO resolution_search (tenant_id, resolution_id, visibility, body_id, year,"
                + " outcome, task_state, voted_at, document, folded) VALUES (?, ?, ?, ?, ?, ?,"
                + " 'NONE', ?, CAST(? AS tsvector), ?)");
    int written = 0;
    int meetingNumber = 0;
    int[] seq = new int[bodies.length];
    int lastYear = 0;
    for (int year = 1987; written < PER_ASSOCIATION; year++) {
      if (year != lastYear) {
        seq = new int[bodies.length];
        lastYear = year;
      }
      for (int m = 0; m < 10 && written < PER_ASSOCIATION; m++) {
        int b = m % 5 == 4 ? 1 : 0;
        UUID meeting = UUID.randomUUID();
        LocalDateTime at = LocalDateTime.of(year, 1 + m, 10 + random.nextInt(15), 14, 0);
        meetings.setObject(1, meeting);
        meetings.setString(2, tenant);
        meetings.setObject(3, bodies[b]);
        meetings.setInt(4, ++meetingNumber);
        meetings.setTimestamp(5, Timestamp.valueOf(at));
        meetings.addBatch();
        for (int r = 0; r < 9 && written < PER_ASSOCIATION; r++, written++) {
          UUID id = UUID.randomUUID();
          String number = patterns[b].replace("{year}", "" + year).replace("{n}", "" + ++seq[b]);
          Texts.Generated g = Texts.generate(random, year);
          int present = 5 + random.nextInt(5);
          int yes = random.nextInt(10) < 8 ? present - random.nextInt(2) : random.nextInt(3);
          String outcome = yes > present / 2 ? "ADOPTED" : "REJECTED";
          String visibility = random.nextInt(100) < 15 ? "MEMBERS" : "PUBLIC";
          LocalDateTime voted = at.plusMinutes(10L * (r + 1));
          resolutions.setObject(1, id);
          resolutions.setString(2, tenant);
          resolutions.setObject(3, bodies[b]);
          resolutions.setObject(4, meeting);
          resolutions.setInt(5, year);
          resolutions.setInt(6, seq[b]);
          resolutions.setString(7, number);
          resolutions.setString(8, g.title());
          resolutions.setString(9, g.text());
          resolutions.setTimestamp(10, Timestamp.valueOf(voted));
          resolutions.setInt(11, yes);
          resolutions.setInt(12, present - yes);
          resolutions.setInt(13, 0);
          resolutions.setInt(14, present);
          resolutions.setInt(15, present / 2 + 1);
          resolutions.setString(16, outcome);
          resolutions.setString(17, visibility);
          resolutions.addBatch();
          String title = number + " " + g.title();
          search.setString(1, tenant);
          search.setObject(2, id);
          search.setString(3, visibility);
          search.setObject(4, bodies[b]);
          search.setInt(5, year);
          search.setString(6, outcome);
          search.setTimestamp(7, Timestamp.valueOf(voted));
          search.setString(8, CzechText.tsvector(title, g.text()));
          search.setString(9, CzechText.fold(title + " " + g.text()));
          search.addBatch();
        }
      }
      meetings.executeBatch();
      resolutions.executeBatch();
      search.executeBatch();
    }
    meetings.close();
    resolutions.close();
    search.close();
  }

  /** Resolutions as associations of municipalities write them, from their usual phrases. */
  static final class Texts {

    record Generated(String title, String text) {}

    private static final String[] VERBS = {
      "schvaluje",
      "bere na vědomí",
      "doporučuje sněmu schválit",
      "ukládá výkonné ředitelce připravit",
      "pověřuje předsedu podpisem",
      "souhlasí s",
      "projednal",
      "revokuje usnesení o",
      "zamítá"
    };
    private static final String[] OBJECTS = {
      "rozpočet sdružení na rok {y}",
      "rozpočtové opatření č. {n}/{y}",
      "výši členského příspěvku na rok {y}",
      "zprávu o činnosti sdružení za rok {p}",
      "zprávu revizní komise o hospodaření",
      "smlouvu o spolupráci s obcí {obec}",
      "plán seminářů na {h}. pololetí {y}",
      "stanovisko k novele zákona o {zakon}",
      "přistoupení obce {obec} za člena sdružení",
      "účast v projektu přeshraniční spolupráce s Bavorskem",
      "pravidla dotačního programu na obnovu návsí",
      "závěrečný účet sdružení za rok {p}",
      "pojištění odpovědnosti členů orgánů",
      "nákup výpočetní techniky pro kancelář",
      "pronájem kanceláře v obci {obec}",
      "studijní cestu starostů do Horního Rakouska",
      "zapojení do kampaně na třídění odpadů",
      "plán kontrol hospodaření členských obcí"
    };
    private static final String[] TAILS = {
      " a ukládá výkonné ředitelce zajistit jeho zveřejnění.",
      " s účinností od 1. {m}. {y}.",
      " ve výši {castka} Kč.",
      " bez výhrad.",
      " a doporučuje ho ke zveřejnění na úřední desce.",
      " a pověřuje předsedu jednáním s Plzeňským krajem.",
      " včetně připomínek vznesených v rozpravě.",
      "."
    };
    private static final String[] TOWNS = {
      "Dýšina",
      "Kyšice",
      "Chválenice",
      "Letkov",
      "Čilá",
      "Rokycany",
      "Nýřany",
      "Přeštice",
      "Stod",
      "Horšovský Týn",
      "Kralovice",
      "Plasy",
      "Spálené Poříčí",
      "Starý Plzenec",
      "Blovice"
    };
    private static final String[] LAWS = {
      "obcích",
      "odpadech",
      "rozpočtových pravidlech",
      "místních poplatcích",
      "sociálních službách",
      "pozemních komunikacích",
      "veřejných zakázkách"
    };

    static Generated generate(Random random, int year) {
      String object = fill(pick(random, OBJECTS), random, year);
      String verb = pick(random, VERBS);
      String text =
          capital(pick(random, new String[] {"Správní výbor ", "Sněm ", "Výbor "}))
              + verb
              + " "
              + object
              + fill(pick(random, TAILS), random, year);
      return new Generated(capital(object), text);
    }

    private static String fill(String template, Random random, int year) {
      return template
          .replace("{y}", Integer.toString(year + 1))
          .replace("{p}", Integer.toString(year - 1))
          .replace("{n}", Integer.toString(1 + random.nextInt(6)))
          .replace("{h}", Integer.toString(1 + random.nextInt(2)))
          .replace("{m}", Integer.toString(1 + random.nextInt(12)))
          .replace("{obec}", pick(random, TOWNS))
          .replace("{zakon}", pick(random, LAWS))
          .replace(
              "{castka}",
              String.format("%,d", 10_000 + random.nextInt(500) * 1_000).replace(',', ' '));
    }

    private static String pick(Random random, String[] values) {
      return values[random.nextInt(values.length)];
    }

    private static String capital(String s) {
      return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}
