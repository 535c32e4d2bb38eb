package eu.municipia.testing;

import eu.municipia.devstack.PayaraServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * One Payara Micro with the built WAR as it is, started on first use and shared by every test class
 * that deploys the WAR unchanged and tests it from outside (most of them): one start instead of one
 * per class. Its log is {@code target/shared-app/payara.log}. A variant of the WAR that several
 * classes deploy alike (a setting changed, see {@link Deployments#warWithPoolOfTwo()}) runs once
 * too, beside it, for those classes; its log is {@code target/shared-app/<variant>.log}. Classes
 * that change the WAR for themselves alone or run inside the server keep their own deployment
 * through Arquillian ({@link AppDeployment} decides). Shared apps run until the test JVM ends.
 *
 * <p>The environment of the built WAR's app adds {@link #SETTINGS}: work that runs on a schedule is
 * looked for every second (as the environment of every deployment already has it for mail and the
 * magazine), so that the classes that wait for such work need no Payara of their own.
 */
public final class SharedApp {

  private static final Logger LOG = Logger.getLogger(SharedApp.class.getName());

  /**
   * A back-channel logout that reached another replica is seen within a second
   * (BackchannelLogoutIT); the seminars' jobs (offers that expired, reminders) run every second
   * (SeminarWaitlistIT). Each is one small query a second; no other class waits for either.
   */
  static final Map<String, String> SETTINGS =
      Map.of("AUTH_LOGOUT_POLL_SECONDS", "1", "SEMINARS_POLL_SECONDS", "1");

  /** The running apps by variant ({@link Deployments#AS_BUILT} for the built WAR as it is). */
  private static final Map<String, PayaraServer> RUNNING = new LinkedHashMap<>();

  private SharedApp() {}

  /** The address of the shared app that runs the class's deployment, started on first use. */
  static synchronized URL url(AppDeployment.Placement placement) {
    String variant = placement.variant().orElseThrow();
    PayaraServer server = RUNNING.get(variant);
    if (server == null) {
      server = start(variant, placement);
      RUNNING.put(variant, server);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    try {
      return URI.create(server.url() + "/").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The pools validate a connection at most once in this period (web.xml): until it has passed
   * since the database came back, a checkout may hand out a connection that died with it unchecked.
   */
  private static final Duration VALIDATION_PERIOD = Duration.ofSeconds(10);

  /**
   * For a test that stopped or restarted the database: waits until every shared app that runs reads
   * from the database again, and answers whether they did within {@code patience}. Each pool may
   * still hold several connections that died with the database; within the validation period each
   * fails the one request that takes it (503) and is dropped, so one good answer proved nothing
   * (LinksIT met the next one). Past the period every dead connection is validated on checkout,
   * which drops the whole pool: so this first waits until {@code back} plus that period, then wants
   * three good answers in a row from each app.
   */
  public static boolean servesAgainWithin(Instant back, Duration patience)
      throws InterruptedException {
    List<URI> bases = new ArrayList<>();
    synchronized (SharedApp.class) {
      RUNNING.values().forEach(server -> bases.add(URI.create(server.url() + "/")));
    }
    Duration unchecked =
        Duration.between(Instant.now(), back.plus(VALIDATION_PERIOD).plusSeconds(1));
    if (!unchecked.isNegative()) {
      Thread.sleep(unchecked.toMillis());
    }
    long start = System.nanoTime();
    for (URI base : bases) {
      Api api = new Api(base);
      int good = 0;
      while (good < 3) {
        if (api.get("/api/v1/tenants/smopk/members?limit=1", null).status() == 200) {
          good++;
          continue;
        }
        good = 0;
        if (System.nanoTime() - start > patience.toNanos()) {
          return false;
        }
        Thread.sleep(250);
      }
    }
    return true;
  }

  private static PayaraServer start(String variant, AppDeployment.Placement placement) {
    Path dir = Path.of("target", "shared-app").toAbsolutePath();
    Instant started = Instant.now();
    try {
      Files.createDirectories(dir);
      int port = PayaraServer.freePort();
      PayaraServer server;
      if (variant.equals(Deployments.AS_BUILT)) {
        server = PayaraServer.startThisBuild(port, SETTINGS, dir.resolve("payara.log"));
      } else {
        // The variant's WAR as its classes made it; the environment is the one failsafe gives
        // every deployment, as Arquillian's Payara would have it.
        Path war = dir.resolve(variant + ".war");
        placement.archive().as(ZipExporter.class).exportTo(war.toFile(), true);
        server = PayaraServer.startThisBuild(war, port, Map.of(), dir.resolve(variant + ".log"));
      }
      try {
        server.awaitReady();
      } catch (IOException | RuntimeException e) {
        server.close();
        throw e;
      }
      LOG.info(
          () ->
              "Shared app "
                  + (variant.isEmpty() ? "(the built WAR)" : variant)
                  + " on port "
                  + port
                  + ", ready in "
                  + Duration.between(started, Instant.now()).toSeconds()
                  + " s");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("The shared app " + variant + " did not start; see " + dir, e);
    }
  }
}
