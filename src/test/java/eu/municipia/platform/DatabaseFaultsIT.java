package eu.municipia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.SharedApp;
import eu.municipia.testing.TestStack;
import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's database part (issue 14): PostgreSQL stopped and started, a lock held on a busy
 * table, the pool exhausted by requests stuck behind it. During each fault every answer is a 503
 * with Retry-After (problem+json for the API, the translated page for people), given within the
 * bounded waits, never a 500 or a stack trace; afterwards the app serves again by itself and the
 * data is as it was. Its deployment (shared with DatabaseConnectionsIT): a pool of two, and a lock
 * timeout (5 s) longer than the pool's wait (3 s), so that requests stuck on the lock hold every
 * connection past that wait.
 */
@MunicipiaIT
class DatabaseFaultsIT {

  private static final Logger LOG = Logger.getLogger(DatabaseFaultsIT.class.getName());

  private static final String MEMBERS = "/api/v1/tenants/smopk/members?limit=5";
  private static final String DIRECTORY = "/smopk/directory";
  private static final Duration LOCK_TIMEOUT = Deployments.POOL_OF_TWO_LOCK_TIMEOUT;
  private static final Duration POOL_WAIT = Duration.ofSeconds(3);

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
  void postgresStoppedIsA503WithinSecondsAndServesAgainWithinSecondsOfItsReturn() throws Exception {
    String before = api.get(MEMBERS, null).body();
    assertThat(api.get(DIRECTORY, null).status()).isEqualTo(200);

    TestStack.get().database().stop();
    Duration down;
    try {
      Timed<Api.Response> apiCall = timed(() -> api.get(MEMBERS, null));
      assertUnavailableProblem(apiCall.value());
      // Connection refused: known at once, far inside the pool's wait.
      assertThat(apiCall.took()).isLessThan(POOL_WAIT.plusSeconds(2));
      assertUnavailablePage(api.get(DIRECTORY, null), "Dočasně nedostupné");
      assertUnavailablePage(api.get(DIRECTORY + "?lang=en", null), "Temporarily unavailable");
      // Kubernetes must not restart a healthy replica for a database outage; it takes it out of
      // the service instead.
      assertThat(api.get("/health/live", null).status()).isEqualTo(200);
      assertThat(api.get("/health/ready", null).status()).isEqualTo(503);
    } finally {
      TestStack.get().database().start();
    }
    Instant backAt = Instant.now();
    long back = System.nanoTime();
    Api.Response first = untilNot503(MEMBERS, Duration.ofSeconds(30));
    down = Duration.ofNanos(System.nanoTime() - back);
    LOG.info(() -> "PostgreSQL back: the first 200 after " + down.toMillis() + " ms");

    assertThat(first.status()).isEqualTo(200);
    assertThat(down).as("recovery after PostgreSQL is back").isLessThan(Duration.ofSeconds(10));
    assertThat(first.body()).as("the same members as before").isEqualTo(before);
    assertThat(api.get(DIRECTORY, null).status()).isEqualTo(200);
    assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    // The shared app of the other classes lost its connections too: it serves again as soon.
    assertThat(SharedApp.servesAgainWithin(backAt, Duration.ofSeconds(30)))
        .as("the shared app reads again after the restart")
        .isTrue();
  }

  @Test
  void aLockHeldOnTheMembershipTableIsA503AfterTheLockTimeoutNotAnEndlessWait() throws Exception {
    String before = api.get(MEMBERS, null).body();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try (Connection locker = TestStack.get().database().superuser("municipia");
        Statement s = locker.createStatement()) {
      locker.setAutoCommit(false);
      s.execute("LOCK TABLE membership IN ACCESS EXCLUSIVE MODE");
      Future<Timed<Api.Response>> apiCall =
          clients.submit(() -> timed(() -> api.get(MEMBERS, null)));
      Future<Timed<Api.Response>> pageCall =
          clients.submit(() -> timed(() -> api.get(DIRECTORY, null)));

      Timed<Api.Response> a = apiCall.get(30, TimeUnit.SECONDS);
      Timed<Api.Response> p = pageCall.get(30, TimeUnit.SECONDS);
      LOG.info(() -> "Behind a held lock: API " + a + ", page " + p);
      assertUnavailableProblem(a.value());
      assertUnavailablePage(p.value(), "Dočasně nedostupné");
      for (Timed<Api.Response> call : List.of(a, p)) {
        assertThat(call.took())
            .as("a wait bounded by the lock timeout (and the pool's wait, on a busy machine)")
            .isBetween(LOCK_TIMEOUT.minusMillis(500), LOCK_TIMEOUT.plus(POOL_WAIT).plusSeconds(2));
      }
      locker.rollback();
    } finally {
      clients.shutdownNow();
    }
    Timed<Api.Response> after = timed(() -> api.get(MEMBERS, null));
    assertThat(after.value().status()).isEqualTo(200);
    assertThat(after.value().body()).isEqualTo(before);
    assertThat(after.took())
        .as("served at once when the lock is gone")
        .isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void requestsBeyondAPoolHeldBySlowRequestsAre503AfterThePoolWait() throws Exception {
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Timed<Api.Response>> answers = new ArrayList<>();
    try (Connection locker = TestStack.get().database().superuser("municipia");
        Statement s = locker.createStatement()) {
      locker.setAutoCommit(false);
      s.execute("LOCK TABLE membership IN ACCESS EXCLUSIVE MODE");
      List<Future<Timed<Api.Response>>> calls = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        calls.add(pool.submit(() -> timed(() -> api.get(MEMBERS, null))));
      }
      // Liveness asks nothing of the database: it answers while every connection is taken.
      assertThat(api.get("/health/live", null).status()).isEqualTo(200);
      for (Future<Timed<Api.Response>> call : calls) {
        answers.add(call.get(60, TimeUnit.SECONDS));
      }
      locker.rollback();
    } finally {
      pool.shutdownNow();
    }
    LOG.info(() -> "Pool of 2 held by slow requests, " + clients + " clients: " + answers);
    assertThat(answers).allSatisfy(a -> assertUnavailableProblem(a.value()));
    // Two requests hold the two connections until the lock timeout; the others cannot have one
    // and are told so after the pool's wait, well before the lock timeout.
    long toldByThePool =
        answers.stream()
            .filter(a -> a.took().compareTo(LOCK_TIMEOUT.minusMillis(500)) < 0)
            .filter(a -> a.took().compareTo(POOL_WAIT.minusMillis(500)) > 0)
            .count();
    assertThat(toldByThePool).as("answers after the pool's wait").isGreaterThanOrEqualTo(2);
    assertThat(answers)
        .allSatisfy(
            a -> assertThat(a.took()).isLessThan(LOCK_TIMEOUT.plus(POOL_WAIT).plusSeconds(3)));
    assertThat(api.get(MEMBERS, null).status()).isEqualTo(200);
  }

  private Api.Response untilNot503(String path, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    Api.Response r = api.get(path, null);
    while (r.status() == 503 && System.nanoTime() < end) {
      TimeUnit.MILLISECONDS.sleep(100);
      r = api.get(path, null);
    }
    return r;
  }

  static void assertUnavailableProblem(Api.Response r) {
    assertThat(r.status()).as("status during the fault: " + r.body()).isEqualTo(503);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.header("Retry-After")).isNotBlank();
    assertThat(r.body()).contains("temporarily unavailable").doesNotContain("Exception");
  }

  static void assertUnavailablePage(Api.Response r, String heading) {
    assertThat(r.status()).as("status of the page during the fault").isEqualTo(503);
    assertThat(r.contentType()).startsWith("text/html");
    assertThat(r.header("Retry-After")).isNotBlank();
    assertThat(r.body())
        .contains(heading)
        .doesNotContain("Exception")
        .doesNotContain("at eu.municipia");
  }

  record Timed<T>(T value, Duration took) {
    @Override
    public String toString() {
      return (value instanceof Api.Response r ? r.status() + " " : "") + took.toMillis() + " ms";
    }
  }

  static <T> Timed<T> timed(Callable<T> call) throws Exception {
    long started = System.nanoTime();
    T value = call.call();
    return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started));
  }
}
