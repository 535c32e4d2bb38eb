package eu.municipia.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The run command ({@code ./mvnw -Pstart}): PostgreSQL, Keycloak with the demo realm and Payara
 * Micro with the app, on embedded defaults, data kept under {@code .municipia/}. Ctrl-C stops all
 * three.
 */
public final class LocalStack {

  static final int POSTGRES_PORT = 15432;
  static final int KEYCLOAK_PORT = 8180;
  static final int APP_PORT = 8080;
  static final int SMTP_PORT = 2525;

  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    Instant started = Instant.now();
    StackSettings settings =
        new StackSettings(
            Path.of(System.getProperty("stack.home")).toAbsolutePath(),
            Path.of(System.getProperty("stack.runtimeDir")),
            Path.of(System.getProperty("stack.realmFile")),
            POSTGRES_PORT,
            KEYCLOAK_PORT,
            SMTP_PORT);
    Files.createDirectories(settings.home());
    requireFreePorts(POSTGRES_PORT, KEYCLOAK_PORT, KEYCLOAK_PORT + 1, APP_PORT, SMTP_PORT);
    log("Starting PostgreSQL on port " + POSTGRES_PORT + " ...");
    EmbeddedDatabase database =
        new EmbeddedDatabase(settings.home().resolve("postgres"), POSTGRES_PORT).start();
    KeycloakServer keycloak = new KeycloakServer(settings);
    MailServer mail = new MailServer(SMTP_PORT).start();
    printIncoming(mail);
    PayaraServer[] app = new PayaraServer[1];
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log("Stopping ...");
                  if (app[0] != null) {
                    app[0].close();
                  }
                  keycloak.close();
                  mail.close();
                  try {
                    database.close();
                  } catch (IOException e) {
                    log("PostgreSQL did not stop cleanly: " + e.getMessage());
                  }
                  log("Stopped.");
                  stopped.countDown();
                }));
    log("Starting Keycloak on port " + KEYCLOAK_PORT + " (first start imports the demo realm) ...");
    keycloak.start();
    log("Starting Payara Micro with the app on port " + APP_PORT + " ...");
    Map<String, String> env = new HashMap<>();
    env.put("DB_URL", settings.jdbcUrl(EmbeddedDatabase.DATABASE));
    env.put("OIDC_ISSUER", settings.issuer());
    env.put("APP_DEMO_DATA", "true");
    // The whole country's register where the shared reference data is beside the project.
    env.put("APP_DEMO_REGISTER_FILE", System.getProperty("stack.demoRegister", ""));
    env.put("DB_USER", EmbeddedDatabase.APP_ROLE);
    env.put("DB_PASSWORD", EmbeddedDatabase.APP_ROLE);
    env.put("APP_BASE_URL", "http://localhost:" + APP_PORT);
    env.put("SMTP_HOST", "localhost");
    env.put("SMTP_PORT", String.valueOf(SMTP_PORT));
    app[0] =
        PayaraServer.start(
            Path.of(System.getProperty("stack.runtimeDir")).resolve("payara-micro.jar"),
            Path.of(System.getProperty("stack.war")),
            APP_PORT,
            env,
            settings.home().resolve("payara.log"));
    app[0].awaitReady();
    long seconds = Duration.between(started, Instant.now()).toSeconds();
    String url = app[0].url();
    System.out.println(
        """

        ==============================================================================
         Municipia is running (started in %d s).

           Home page            %s/
           SMOPK (regional)     %s/smopk/
           SMO ČR (national)    %s/smocr/
           API description      %s/openapi
           Health               %s/health/ready
           Keycloak admin       %s/admin/  (admin / admin)
           E-mail               every message the app sends is printed here

         Demo logins (password "demo" for all):
           spravce.smopk    SMOPK association admin
           starosta.cila    SMOPK member official (mayor of Čilá)
           redaktorka       SMOPK editor, also a member of SMO ČR
           spravce.smocr    SMO ČR association admin
           analytik.smocr   SMO ČR union analyst
           clen.smocr       SMO ČR member with no role
           platforma        platform admin: the municipality register (/platform/register)

         Logs and data: %s
         Press Ctrl-C to stop.
        ==============================================================================
        """
            .formatted(seconds, url, url, url, url, url, settings.keycloakUrl(), settings.home()));
    stopped.await();
  }

  /** The local SMTP server keeps mail in memory; show each message as it arrives. */
  private static void printIncoming(MailServer mail) {
    Thread printer =
        new Thread(
            () -> {
              int shown = 0;
              while (!Thread.currentThread().isInterrupted()) {
                var received = mail.received();
                for (var m : received.subList(Math.min(shown, received.size()), received.size())) {
                  System.out.println(
                      "\n[municipia] E-mail to "
                          + m.to()
                          + "\n  Subject: "
                          + m.subject()
                          + "\n  "
                          + m.body().replace("\n", "\n  "));
                }
                shown = Math.max(shown, received.size());
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "mail-printer");
    printer.setDaemon(true);
    printer.start();
  }

  /** A port in use means another stack (or another program) runs: say so instead of mixing in. */
  private static void requireFreePorts(int... ports) {
    for (int port : ports) {
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.bind(new java.net.InetSocketAddress("localhost", port));
      } catch (IOException inUse) {
        throw new IllegalStateException(
            "Port "
                + port
                + " is in use. Is Municipia already running (stop it with Ctrl-C), or does"
                + " another program use the port?");
      }
    }
  }

  private static void log(String message) {
    System.out.println("[municipia] " + message);
  }
}
