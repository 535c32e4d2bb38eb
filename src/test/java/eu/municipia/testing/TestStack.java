package eu.municipia.testing;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.devstack.KeycloakServer;
import eu.municipia.devstack.MailServer;
import eu.municipia.devstack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the stack the run command starts (embedded PostgreSQL, Keycloak with the demo realm) once
 * per test JVM, on the ports that failsafe's environment names; Payara Micro, started by
 * Arquillian, inherits that environment and finds both. Each test run starts from empty data.
 */
public final class TestStack {

  private static final Logger LOG = Logger.getLogger(TestStack.class.getName());

  private static TestStack instance;

  private final StackSettings settings;
  private final EmbeddedDatabase database;
  private final KeycloakServer keycloak;
  private final MailServer mail;

  private TestStack(StackSettings settings) {
    this.settings = settings;
    this.database =
        new EmbeddedDatabase(settings.home().resolve("postgres"), settings.postgresPort());
    this.keycloak = new KeycloakServer(settings);
    this.mail = new MailServer(settings.smtpPort());
  }

  /** The running stack, started on first use. */
  public static TestStack get() {
    return get(() -> {});
  }

  /**
   * The running stack, started on first use. When this call starts it, {@code onceTheDatabaseIsUp}
   * runs on a thread of its own as soon as the database is up, while Keycloak starts (the slowest
   * part, mostly on one core): for work that needs only the database, such as starting the shared
   * app, whose own lock makes a later caller wait for it. A failure there is logged, not thrown:
   * whoever needs that work does it again and meets the failure then.
   */
  public static synchronized TestStack get(Runnable onceTheDatabaseIsUp) {
    if (instance == null) {
      StackSettings settings =
          new StackSettings(
              Path.of(env("STACK_HOME")),
              Path.of(env("STACK_RUNTIME_DIR")),
              Path.of(env("STACK_REALM_FILE")),
              URI.create(env("DB_URL").substring("jdbc:".length())).getPort(),
              URI.create(env("KEYCLOAK_URL")).getPort(),
              Integer.parseInt(env("SMTP_PORT")));
      TestStack stack = new TestStack(settings);
      try {
        stack.start(onceTheDatabaseIsUp);
      } catch (IOException e) {
        stack.stop();
        throw new UncheckedIOException("The test stack did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(stack::stop));
      instance = stack;
    }
    return instance;
  }

  public StackSettings settings() {
    return settings;
  }

  public EmbeddedDatabase database() {
    return database;
  }

  /** Keycloak, for the tests that stop it (and start it again, with the same realm and keys). */
  public KeycloakServer keycloak() {
    return keycloak;
  }

  /** The SMTP server that the app's outbox sends to. */
  public MailServer mail() {
    return mail;
  }

  public String issuer() {
    return settings.issuer();
  }

  private void start(Runnable onceTheDatabaseIsUp) throws IOException {
    Files.createDirectories(settings.home());
    deleteRecursively(settings.home().resolve("postgres"));
    deleteRecursively(settings.home().resolve("keycloak/data"));
    database.start();
    mail.start();
    Thread beside =
        new Thread(
            () -> {
              try {
                onceTheDatabaseIsUp.run();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Work begun beside the stack's start failed", e);
              }
            },
            "beside-the-stack-start");
    beside.setDaemon(true);
    beside.start();
    keycloak.start();
  }

  private void stop() {
    mail.close();
    keycloak.close();
    try {
      database.close();
    } catch (IOException e) {
      // The JVM is going away; a stale server is cleaned at the next start.
    }
  }

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set: run the integration tests through Maven (./mvnw verify)");
    }
    return value;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
