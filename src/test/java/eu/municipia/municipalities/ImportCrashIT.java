package eu.municipia.municipalities;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.PayaraServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.StartTestStack;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fault suite's crash (issue 14): Payara Micro killed (SIGKILL, no shutdown) in the middle of a
 * register import, then started again. The import is one transaction, so PostgreSQL rolls back what
 * it wrote; the job, which the dead server could not mark, is seen to have failed ("changed
 * nothing, start it again") by the restarted server's first polls, and the same file imported again
 * is whole. Not an Arquillian test: it kills its own server.
 *
 * <p>The newsletter's send (magazine branch) takes the same test: a server of its own (as here), an
 * issue sent to a few hundred subscribers while a row lock (or a stopped SMTP server) holds the
 * send part way, {@code kill()}, start again on the same port; then each subscriber has exactly one
 * mail in {@code TestStack.get().mail().receivedBy(address)} and the send is recorded done once.
 * That holds if the send writes one outbox row per recipient in the transaction that starts it (the
 * worker then sends each once after commit) or claims recipients in batches with {@code FOR UPDATE
 * SKIP LOCKED} and marks each batch in the transaction that queues its mail.
 */
@ExtendWith(StartTestStack.class)
class ImportCrashIT {

  private static final Logger LOG = Logger.getLogger(ImportCrashIT.class.getName());
  private static final String IMPORT = "/api/v1/platform/municipalities/imports?year=1999";
  private static final String JOBS = "/api/v1/platform/municipalities/imports/jobs/";
  private static final int ROWS = 1200;
  private static final int FIRST = 990000;

  /** In the second batch (rows 501-1000): the import is held there, one batch written. */
  private static final String HELD = "990700";

  /** This test's rows only: other tests import codes of 999xxx, and other countries' too. */
  private static final String OWN_ROWS = "country = 'CZ' AND code BETWEEN '990000' AND '991199'";

  private PayaraServer server;

  @AfterEach
  void cleanUp() throws SQLException {
    if (server != null) {
      server.close();
    }
    try (Connection c = TestStack.get().database().owner();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM municipality_population WHERE " + OWN_ROWS);
      s.executeUpdate("DELETE FROM municipality WHERE " + OWN_ROWS);
      s.executeUpdate("DELETE FROM municipality_import WHERE year = 1999");
    }
  }

  @Test
  void anImportCutByAKilledServerChangesNothingIsSeenFailedAfterTheRestartAndCanBeRunAgain()
      throws Exception {
    int port = PayaraServer.freePort();
    server = start(port, "before-kill.log");
    Api api = new Api(URI.create(server.url()));
    String admin = Tokens.accessToken(PLATFORM_ADMIN);
    try (Connection c = TestStack.get().database().owner();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO municipality (country, code, name, district, region) VALUES ('CZ', '"
              + HELD
              + "', 'Zkušebnice 700', 'Zkušební okres', 'Zkušební kraj')");
    }

    String job;
    try (Connection locker = TestStack.get().database().superuser("municipia");
        Statement s = locker.createStatement()) {
      locker.setAutoCommit(false);
      // Another transaction holds one row of the second batch: the import waits there.
      s.executeQuery("SELECT 1 FROM municipality WHERE code = '" + HELD + "' FOR UPDATE").close();
      Api.Response started = api.post(IMPORT + "&async=true", admin, "text/csv", table());
      assertThat(started.status()).as(started.body()).isEqualTo(202);
      job = started.json().asJsonObject().getString("id");
      JsonObject midway =
          poll(api, admin, job, s2 -> s2.getInt("done") >= 500, Duration.ofSeconds(20));
      assertThat(midway.getString("state")).isEqualTo("RUNNING");

      server.kill();
      locker.rollback();
    }
    LOG.info("Payara killed with the import half way (500 of " + ROWS + " rows written)");
    // Nothing of it is in the register: the first batch was rolled back with the connection.
    awaitNoImportTransaction();
    assertThat(count("SELECT count(*) FROM municipality WHERE " + OWN_ROWS)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM municipality_population WHERE year = 1999")).isZero();
    assertThat(count("SELECT count(*) FROM municipality_import WHERE year = 1999")).isZero();

    long restarting = System.nanoTime();
    server = start(port, "after-kill.log");
    long ready = System.nanoTime();
    JsonObject failed =
        poll(
            api,
            admin,
            job,
            s2 -> !"RUNNING".equals(s2.getString("state")),
            Duration.ofSeconds(40));
    Duration told = Duration.ofNanos(System.nanoTime() - ready);
    LOG.info(
        () ->
            "Restarted in "
                + Duration.ofNanos(ready - restarting).toSeconds()
                + " s; the job was reported failed "
                + told.toMillis()
                + " ms after");
    assertThat(failed.getString("state")).isEqualTo("FAILED");
    assertThat(failed.getString("error")).contains("changed nothing");
    assertThat(told).isLessThan(Duration.ofSeconds(20));

    Api.Response again = api.post(IMPORT + "&async=true", admin, "text/csv", table());
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    JsonObject done =
        poll(
            api,
            admin,
            again.json().asJsonObject().getString("id"),
            s2 -> !"RUNNING".equals(s2.getString("state")),
            Duration.ofSeconds(60));
    assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
    assertThat(count("SELECT count(*) FROM municipality WHERE " + OWN_ROWS)).isEqualTo(ROWS);
    assertThat(count("SELECT count(*) FROM municipality_population WHERE year = 1999"))
        .isEqualTo(ROWS);
    assertThat(count("SELECT count(*) FROM municipality_import WHERE year = 1999")).isEqualTo(1);
  }

  /** A year's table of fresh municipalities in a region no association covers. */
  private static String table() {
    StringBuilder csv = new StringBuilder("code,name,district,region,population,lat,lon\n");
    for (int i = 0; i < ROWS; i++) {
      csv.append(FIRST + i)
          .append(",Zkušebnice ")
          .append(i)
          .append(",Zkušební okres,Zkušební kraj,")
          .append(100 + i)
          .append(",,\n");
    }
    return csv.toString();
  }

  private static JsonObject poll(
      Api api, String admin, String job, Predicate<JsonObject> until, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    JsonObject status = null;
    while (System.nanoTime() < end) {
      Api.Response r = api.get(JOBS + job, admin);
      if (r.status() == 200) {
        status = r.json().asJsonObject();
        if (until.test(status)) {
          return status;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The job did not get there in " + timeout + ": " + status);
  }

  /** PostgreSQL ends the dead server's import when it finds its client gone. */
  private static void awaitNoImportTransaction() throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (count(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = 'municipia_app'"
                    + " AND xact_start IS NOT NULL")
            > 0
        && System.nanoTime() < end) {
      Thread.sleep(100);
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = TestStack.get().database().superuser("municipia");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static PayaraServer start(int port, String log) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "import-crash-it").toAbsolutePath());
    return PayaraServer.startThisBuildForOneTest(port, Map.of(), dir.resolve(log)).awaitReady();
  }
}
