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
import java.util.Map;
import java.util.logging.Logger;

/**
 * One Payara Micro with the built WAR as it is, started on first use and shared by every test class
 * that deploys the WAR unchanged and tests it from outside (most of them): one start instead of one
 * per class. Its log is {@code target/shared-app/payara.log}. Classes that change the WAR or run
 * inside the server keep their own deployment through Arquillian ({@link AppDeployment} decides).
 */
public final class SharedApp {

  private static final Logger LOG = Logger.getLogger(SharedApp.class.getName());
  private static SharedApp instance;

  private final PayaraServer server;

  private SharedApp(PayaraServer server) {
    this.server = server;
  }

  static synchronized URL url() {
    if (instance == null) {
      instance = start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close));
    }
    try {
      return URI.create(instance.server.url() + "/").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * For a test that stopped or restarted the database: waits until the shared app of the other
   * classes, if one runs, reads from the database again, and answers whether it did within {@code
   * patience}. Its pool validates a connection at most once per 10 s, so its first request after
   * the restart may meet a dead one and answer 503 (then it drops them all): the next class must
   * not be that request.
   */
  public static boolean servesAgainWithin(Duration patience) throws InterruptedException {
    URI base;
    synchronized (SharedApp.class) {
      if (instance == null) {
        return true;
      }
      base = URI.create(instance.server.url() + "/");
    }
    Api api = new Api(base);
    long start = System.nanoTime();
    while (System.nanoTime() - start < patience.toNanos()) {
      if (api.get("/api/v1/tenants/smopk/members?limit=1", null).status() == 200) {
        return true;
      }
      Thread.sleep(250);
    }
    return false;
  }

  private static SharedApp start() {
    Path dir = Path.of("target", "shared-app").toAbsolutePath();
    Instant started = Instant.now();
    try {
      Files.createDirectories(dir);
      int port = PayaraServer.freePort();
      PayaraServer server =
          PayaraServer.startThisBuild(port, Map.of(), dir.resolve("payara.log")).awaitReady();
      LOG.info(
          () ->
              "Shared app on port "
                  + port
                  + ", ready in "
                  + Duration.between(started, Instant.now()).toSeconds()
                  + " s");
      return new SharedApp(server);
    } catch (IOException e) {
      throw new UncheckedIOException("The shared app did not start; see " + dir, e);
    }
  }
}
