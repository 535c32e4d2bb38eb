package eu.municipia.bench;

import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Throughput of tenant-scoped reads against a bare endpoint of the same WAR, measured from outside
 * with wrk, every request side by side in one run (issue: tenant-scoped reads at half the speed of
 * a bare endpoint). Then the same requests with 1,000 associations and their members in the
 * database, for the cost per request as the platform grows; the p99 of the member list at 100
 * connections; and the plans of the queries the app sent during the member-list runs.
 */
@MunicipiaIT
class ThroughputBenchmark {

  private static final int CONNECTIONS = 16;
  private static final int SECONDS = 8;
  private static final int ROUNDS = 3;
  private static final String BARE = "/api/v1/bench/bare";
  private static final String MEMBERS = "/api/v1/tenants/smopk/members?limit=20";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.warWithClasses(BareEndpoint.class);
  }

  @ArquillianResource URL deployed;

  private record Request(String name, String path, boolean bearer, double goal) {}

  private static final List<Request> REQUESTS =
      List.of(
          new Request("bare JAX-RS endpoint (no tenant, no database)", BARE, false, 1.0),
          new Request("GET /api/v1/tenants (cached, no database)", "/api/v1/tenants", false, 0),
          new Request("GET " + MEMBERS, MEMBERS, false, 0.50),
          new Request("same with a bearer token", MEMBERS, true, 0.50),
          new Request(
              "GET /api/v1/tenants/smopk/coverage", "/api/v1/tenants/smopk/coverage", false, 0.50),
          new Request("GET /smopk/directory (Faces page)", "/smopk/directory", false, 0.25),
          // A page rendered on every request (it shows articles and seminars, which the read
          // version does not cover): what Faces itself costs, for comparison; no goal.
          new Request("GET /smopk/ (Faces home page, never kept)", "/smopk/", false, 0));

  @Test
  void tenantScopedReadsAgainstTheBareEndpointWith10And1000Associations() throws Exception {
    assumeTrue(Wrk.installed(), "wrk is not installed: apt-get install -y wrk");
    URI base = Deployments.base(deployed);
    Load load = new Load(base);
    Wrk wrk = new Wrk(Path.of(System.getProperty("bench.output", "target/bench")));
    checkAnswers(load);

    Associations.ensure(10);
    warmUp(wrk, base);
    Set<String> queries = new LinkedHashSet<>();
    Map<Request, Wrk.Run> at10 = measure(wrk, base, queries);
    report("10 associations", at10);

    Wrk.Run hundred = wrk.run(base.resolve(MEMBERS), 100, 15, Map.of());
    BenchResults.note(
        String.format(
            java.util.Locale.ROOT,
            "Member list at 100 connections for 15 s: %.0f req/s, p50 %.1f ms, p95 %.1f ms,"
                + " p99 %.1f ms (goal: p99 under 100 ms), %d failed.",
            hundred.perSecond(),
            hundred.p50(),
            hundred.p95(),
            hundred.p99(),
            hundred.failed()));
    assertThat(hundred.failed()).as("failed requests at 100 connections").isZero();

    Associations.ensure(1000);
    checkAnswers(load);
    warmUp(wrk, base);
    Map<Request, Wrk.Run> at1000 = measure(wrk, base, queries);
    report("1,000 associations", at1000);
    flatCost(at10, at1000);
    explain(queries);
    BenchResults.print();
  }

  /**
   * Every request under load until the JIT has compiled its path: the app runs with C2, as in
   * production (the bench profile's JVM options), which takes far longer to reach its speed than
   * the tests' C1; 3 s a request left the first size's figures half warm (the bare endpoint at
   * 2,595 req/s in the first table and 5,930 in the second of the same run).
   */
  private static void warmUp(Wrk wrk, URI base) throws Exception {
    for (int round = 0; round < 2; round++) {
      for (Request r : REQUESTS) {
        wrk.run(base.resolve(r.path()), CONNECTIONS, 8, headers(r));
      }
    }
  }

  /** Each request answers as it should before it is timed: wrk only counts statuses. */
  private static void checkAnswers(Load load) {
    assertThat(load.get(BARE).body()).isEqualTo("ok");
    Load.Answer members = load.get(MEMBERS);
    assertThat(members.status()).isEqualTo(200);
    assertThat(FullRegister.json(members.body()).getJsonArray("items")).hasSize(20);
    assertThat(load.get("/smopk/directory").body()).contains("Strana 1 z ");
    assertThat(load.get("/smopk/").status()).isEqualTo(200);
  }

  /** ROUNDS rounds of every request one after another; per request the round of median speed. */
  private Map<Request, Wrk.Run> measure(Wrk wrk, URI base, Set<String> queries) throws Exception {
    Map<Request, List<Wrk.Run>> runs = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (Request r : REQUESTS) {
        boolean sample = r.path().equals(MEMBERS);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = sample ? sampleQueries(queries, running) : null;
        Wrk.Run run = wrk.run(base.resolve(r.path()), CONNECTIONS, SECONDS, headers(r));
        running.set(false);
        if (sampler != null) {
          sampler.join();
        }
        assertThat(run.failed()).as("failed requests of " + r.name()).isZero();
        runs.computeIfAbsent(r, k -> new ArrayList<>()).add(run);
      }
    }
    Map<Request, Wrk.Run> median = new LinkedHashMap<>();
    runs.forEach(
        (r, list) -> {
          List<Wrk.Run> sorted =
              list.stream().sorted(Comparator.comparingDouble(Wrk.Run::perSecond)).toList();
          median.put(r, sorted.get(sorted.size() / 2));
        });
    return median;
  }

  private static Map<String, String> headers(Request r) {
    // A fresh token per run: the demo realm's tokens live five minutes.
    return r.bearer()
        ? Map.of("Authorization", "Bearer " + Tokens.accessToken(SMOPK_OFFICIAL))
        : Map.of();
  }

  private static void report(String size, Map<Request, Wrk.Run> runs) {
    double bare = runs.get(REQUESTS.get(0)).perSecond();
    BenchResults.Table table =
        BenchResults.table(
            "Throughput with "
                + size
                + " (wrk, "
                + CONNECTIONS
                + " connections, "
                + SECONDS
                + " s a run, median of "
                + ROUNDS
                + " rounds)",
            "request",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "vs bare",
            "goal");
    runs.forEach(
        (r, run) ->
            table.row(
                r.name(),
                BenchResults.number(run.perSecond(), 0),
                BenchResults.number(run.p50(), 1),
                BenchResults.number(run.p95(), 1),
                BenchResults.number(run.p99(), 1),
                BenchResults.number(run.perSecond() / bare, 2),
                r.goal() > 0 && r.goal() < 1 ? "≥ " + BenchResults.number(r.goal(), 2) : ""));
  }

  /**
   * Cost per request (time per request at saturation) with 1,000 associations over that with 10,
   * each divided by the bare endpoint's in the same run, so that the machine's other load cancels.
   */
  private static void flatCost(Map<Request, Wrk.Run> at10, Map<Request, Wrk.Run> at1000) {
    BenchResults.Table table =
        BenchResults.table(
            "Cost per request with 1,000 associations over 10 (goal: within 1.2×)",
            "request",
            "ms/request at 10",
            "ms/request at 1,000",
            "ratio",
            "ratio relative to bare");
    Request bareRequest = REQUESTS.get(0);
    double bareRatio = at1000.get(bareRequest).cost() / at10.get(bareRequest).cost();
    for (Request r : REQUESTS.subList(1, REQUESTS.size())) {
      double ratio = at1000.get(r).cost() / at10.get(r).cost();
      table.row(
          r.name(),
          BenchResults.number(at10.get(r).cost(), 3),
          BenchResults.number(at1000.get(r).cost(), 3),
          BenchResults.number(ratio, 2),
          BenchResults.number(ratio / bareRatio, 2));
    }
  }

  /** Samples the statements the app runs while the member list is under load. */
  private static Thread sampleQueries(Set<String> queries, AtomicBoolean running) {
    Thread t =
        new Thread(
            () -> {
              try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
                  Statement s = c.createStatement()) {
                while (running.get()) {
                  try (ResultSet rs =
                      s.executeQuery(
                          "SELECT query FROM pg_stat_activity WHERE usename = '"
                              + EmbeddedDatabase.APP_ROLE
                              + "' AND query ~* '^\\s*SELECT' AND query ~ '\\$1'")) {
                    while (rs.next()) {
                      synchronized (queries) {
                        queries.add(rs.getString(1));
                      }
                    }
                  }
                  Thread.sleep(20);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "query-sampler");
    t.start();
    return t;
  }

  /**
   * The generic plan of every parameterised statement seen during the member-list runs, as the app
   * role within SMOPK (row-level security on), with 1,000 associations in the tables.
   */
  private static void explain(Set<String> queries) throws Exception {
    StringBuilder plans = new StringBuilder();
    // The simple query protocol: a statement with $1 and no values is only taken that way.
    EmbeddedDatabase db = TestStack.get().database();
    try (Connection c =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://localhost:"
                    + db.port()
                    + "/"
                    + EmbeddedDatabase.DATABASE
                    + "?preferQueryMode=simple",
                EmbeddedDatabase.APP_ROLE,
                EmbeddedDatabase.APP_ROLE);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SELECT set_config('app.tenant_id', 'smopk', true)");
      for (String query : queries) {
        plans.append("\n\n```\n").append(query.strip()).append("\n--\n");
        try (ResultSet rs = s.executeQuery("EXPLAIN (GENERIC_PLAN) " + query)) {
          while (rs.next()) {
            plans.append(rs.getString(1)).append('\n');
          }
        }
        plans.append("```");
      }
      c.rollback();
    }
    BenchResults.note(
        "Plans (EXPLAIN (GENERIC_PLAN), as the app role in SMOPK, 1,000 associations) of the "
            + queries.size()
            + " statements seen during the member-list runs:"
            + plans);
  }
}
