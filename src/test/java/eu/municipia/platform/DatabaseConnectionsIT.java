package eu.municipia.platform;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.SharedApp;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection pool under load and failure. The WAR runs here with a pool of two connections, so
 * every connection serves both associations over and over: a tenant setting that outlived its
 * transaction would show up as a foreign row.
 */
@MunicipiaIT
class DatabaseConnectionsIT {

  private static final int REQUESTS = 10_000;
  private static final int CLIENTS = 4;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.warWithPoolOfTwo();
  }

  @ArquillianResource URL deployed;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(Deployments.base(deployed));
  }

  @Test
  void tenThousandAlternatingRequestsWithRollbacksReturnNoForeignRow() throws Exception {
    String smopk = Tokens.accessToken(SMOPK_ADMIN);
    String smocr = Tokens.accessToken(SMOCR_ADMIN);
    Set<String> smopkPeople = peopleIds("smopk", smopk);
    Set<String> smocrPeople = peopleIds("smocr", smocr);
    assertThat(smopkPeople).isNotEmpty().doesNotContainAnyElementsOf(smocrPeople);
    assertThat(smocrPeople).isNotEmpty();

    AtomicInteger foreignRows = new AtomicInteger();
    AtomicInteger unexpected = new AtomicInteger();
    AtomicInteger rollbacks = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    int[] maxConnections = {0};
    for (int c = 0; c < CLIENTS; c++) {
      running.add(
          clients.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                  boolean inSmopk = i % 2 == 0;
                  String tenant = inSmopk ? "smopk" : "smocr";
                  String token = inSmopk ? smopk : smocr;
                  if (i % 10 == 9) {
                    // A transaction that fails after it bound its connection: rolled back.
                    Api.Response r =
                        api.put(
                            "/api/v1/tenants/"
                                + tenant
                                + "/people/"
                                + UUID.randomUUID()
                                + "/roles/editor",
                            token);
                    if (r.status() == 404) {
                      rollbacks.incrementAndGet();
                    } else {
                      unexpected.incrementAndGet();
                    }
                    continue;
                  }
                  Api.Response r = api.get("/api/v1/tenants/" + tenant + "/people", token);
                  if (r.status() != 200) {
                    unexpected.incrementAndGet();
                    continue;
                  }
                  Set<String> foreign = inSmopk ? smocrPeople : smopkPeople;
                  r.json().asJsonArray().stream()
                      .map(JsonValue::asJsonObject)
                      .map(p -> p.getString("id"))
                      .filter(foreign::contains)
                      .forEach(id -> foreignRows.incrementAndGet());
                }
                return null;
              }));
    }
    long started = System.nanoTime();
    while (running.stream().anyMatch(f -> !f.isDone())) {
      maxConnections[0] = Math.max(maxConnections[0], appConnections());
      TimeUnit.MILLISECONDS.sleep(200);
    }
    for (Future<?> f : running) {
      f.get();
    }
    clients.shutdown();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(foreignRows.get()).as("foreign rows in %d requests", REQUESTS).isZero();
    assertThat(unexpected.get()).as("answers other than 200/404").isZero();
    assertThat(rollbacks.get()).isEqualTo(REQUESTS / 10);
    // Four clients, two connections: never more than two busy at once.
    assertThat(maxConnections[0]).as("busy connections of the app role").isBetween(1, 2);
    assertThat(took).as("10,000 requests").isLessThan(Duration.ofMinutes(4));
  }

  @Test
  void requestsSucceedAgainWithin30SecondsAfterPostgresRestarts() throws Exception {
    String token = Tokens.accessToken(SMOPK_ADMIN);
    assertThat(api.get("/api/v1/tenants/smopk/people", token).status()).isEqualTo(200);

    TestStack.get().database().restart();
    Instant back = Instant.now();

    long restarted = System.nanoTime();
    int status = 0;
    while (System.nanoTime() - restarted < Duration.ofSeconds(30).toNanos()) {
      status = api.get("/api/v1/tenants/smopk/people", token).status();
      if (status == 200) {
        break;
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    assertThat(status).as("first answer after the restart").isEqualTo(200);
    assertThat(api.get("/health/ready", null).status()).isEqualTo(200);

    // The shared app of the other classes lost its connections too: it serves again as soon.
    assertThat(SharedApp.servesAgainWithin(back, Duration.ofSeconds(30)))
        .as("the shared app reads again after the restart")
        .isTrue();
  }

  private Set<String> peopleIds(String tenant, String token) {
    Api.Response r = api.get("/api/v1/tenants/" + tenant + "/people", token);
    assertThat(r.status()).isEqualTo(200);
    return r.json().asJsonArray().stream()
        .map(JsonValue::asJsonObject)
        .map((JsonObject p) -> p.getString("id"))
        .collect(Collectors.toSet());
  }

  private static int appConnections() throws Exception {
    try (Connection c = TestStack.get().database().superuser("postgres");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'municipia_app'"
                    + " AND application_name = '"
                    + Deployments.POOL_TEST_APPLICATION
                    + "'"
                    + " AND state IN ('active', 'idle in transaction')")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
