package eu.municipia.testing;

import eu.municipia.devstack.PayaraServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
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
final class SharedApp {

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

  private static SharedApp start() {
    Path microJar = Path.of(required("payara.microJar"));
    Path war = Path.of(required("municipia.war"));
    Path dir = Path.of("target", "shared-app").toAbsolutePath();
    Instant started = Instant.now();
    try {
      Files.createDirectories(dir);
      int port = freePort();
      PayaraServer server =
          PayaraServer.start(microJar, war, port, Map.of(), dir.resolve("payara.log")).awaitReady();
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(property + " is not set: run the tests with ./mvnw verify");
    }
    return value;
  }
}
