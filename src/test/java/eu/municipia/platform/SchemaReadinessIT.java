package eu.municipia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Production's split: serving replicas with {@code db.migrate=false} and no owner password, and the
 * migration as a command of its own (what the Helm chart's Job runs). The WAR here expects one
 * migration more than the database has: it must stay not ready, never migrate by itself, and become
 * ready once the command has run.
 */
@MunicipiaIT
class SchemaReadinessIT {

  /** Far beyond any real version, so other tests' deployments see it as a future migration. */
  private static final String FUTURE_VERSION = "9999999";

  private static final String FUTURE_MIGRATION =
      "db/migration/V" + FUTURE_VERSION + "__schema_readiness_test.sql";

  @Deployment(testable = false)
  static WebArchive deployment() throws Exception {
    // The schema at this build's version, as the Job leaves it (the first test class of a run
    // finds an empty database): the WAR below then lacks only its own future migration.
    Process migrate = start(List.of(), Map.of(), Path.of("."));
    String output = new String(migrate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!migrate.waitFor(2, TimeUnit.MINUTES) || migrate.exitValue() != 0) {
      throw new IllegalStateException("The migration command failed: " + output);
    }
    // Not the owner's password: with db.migrate=false the app must never need it.
    WebArchive war =
        Deployments.warWithConfig(
            Map.of("db.migrate", "false", "db.owner.password", "not-the-password"));
    war.add(new StringAsset(futureMigration()), "WEB-INF/classes/" + FUTURE_MIGRATION);
    return war;
  }

  @ArquillianResource URL deployed;

  @AfterAll
  static void forgetTheFutureMigration() throws Exception {
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM flyway_schema_history WHERE version = '" + FUTURE_VERSION + "'");
    }
  }

  @Test
  void aReplicaThatDoesNotMigrateWaitsForTheMigrationCommand() throws Exception {
    Api api = new Api(Deployments.base(deployed));

    Api.Response waiting = api.get("/health/ready", null);
    assertThat(waiting.status()).isEqualTo(503);
    assertThat(waiting.body()).contains("not migrated");
    assertThat(schemaVersions()).doesNotContain(FUTURE_VERSION);

    Path extra = Files.createTempDirectory("future-migration");
    Path file = extra.resolve(FUTURE_MIGRATION);
    Files.createDirectories(file.getParent());
    Files.writeString(file, futureMigration());
    Process migrate = migrateCommand(extra);
    String output = new String(migrate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(migrate.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(migrate.exitValue()).as(output).isZero();
    assertThat(output).contains("Schema at version " + FUTURE_VERSION);
    assertThat(schemaVersions()).contains(FUTURE_VERSION);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      status = api.get("/health/ready", null).status();
      TimeUnit.MILLISECONDS.sleep(250);
    }
    assertThat(status).as("readiness once the schema has the app's version").isEqualTo(200);
  }

  @Test
  void theMigrationCommandSaysSoWhenItCannotMigrate() throws Exception {
    // Nothing listens on port 9 (the embedded server trusts local logins, so a wrong password
    // would not do): the Job must fail, not report success.
    Process migrate =
        start(
            List.of(),
            Map.of("DB_URL", "jdbc:postgresql://localhost:9/" + EmbeddedDatabase.DATABASE),
            Path.of("."));
    String output = new String(migrate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(migrate.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(migrate.exitValue()).as(output).isEqualTo(1);
    assertThat(output).contains("Schema migration failed");
  }

  /** The command as the Job runs it, on the test database, with one more migration folder. */
  private static Process migrateCommand(Path extraClasspath) throws IOException {
    return start(List.of(extraClasspath.toString()), Map.of(), extraClasspath);
  }

  private static Process start(
      List<String> extraClasspath, Map<String, String> overrides, Path workDir) throws IOException {
    Path migrateDir =
        Path.of(System.getProperty("municipia.war", "target/municipia.war"))
            .toAbsolutePath()
            .getParent()
            .resolve("migrate");
    String classpath =
        String.join(
            java.io.File.pathSeparator,
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(migrateDir + "/*"), extraClasspath.stream())
                .toList());
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                "eu.municipia.platform.control.MigrateCommand")
            .directory(workDir.toFile())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("DB_URL", TestStack.get().settings().jdbcUrl(EmbeddedDatabase.DATABASE));
    env.put("DB_OWNER_USER", EmbeddedDatabase.OWNER);
    env.put("DB_OWNER_PASSWORD", EmbeddedDatabase.OWNER);
    env.put("DB_USER", EmbeddedDatabase.APP_ROLE);
    env.put("OIDC_ISSUER", TestStack.get().issuer());
    env.put("APP_DEMO_DATA", "true");
    env.putAll(overrides);
    return builder.start();
  }

  private static List<String> schemaVersions() throws Exception {
    try (Connection c = TestStack.get().database().app();
        Statement s = c.createStatement();
        var rows = s.executeQuery("SELECT version FROM flyway_schema_history")) {
      java.util.List<String> versions = new java.util.ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
      return versions;
    }
  }

  private static String futureMigration() {
    return "-- A migration newer than the database (SchemaReadinessIT); changes nothing.\n"
        + "SELECT 1;\n";
  }
}
