package eu.municipia.platform.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * Migrates the schema and exits: what the Kubernetes Job runs before serving replicas (which have
 * {@code db.migrate=false} and no owner password) start or are upgraded. It runs from the same
 * image as the app, outside Payara:
 *
 * <pre>java -cp '/opt/payara/migrate/*' eu.municipia.platform.control.MigrateCommand</pre>
 *
 * Settings are the app's own keys, looked up as MicroProfile Config would (system property, then
 * environment variable such as {@code DB_OWNER_PASSWORD}, then the app's defaults file): {@code
 * db.url}, {@code db.owner.user}, {@code db.owner.password}, {@code db.user} (the role that gets
 * the grants), {@code oidc.issuer} and {@code app.demo-data}. Exit status 0 when the schema is at
 * this build's version, 1 when the migration failed.
 */
public final class MigrateCommand {

  private MigrateCommand() {}

  public static void main(String[] args) {
    Properties defaults = defaults();
    try {
      Migrations migrations =
          new Migrations(
              Boolean.parseBoolean(setting("app.demo-data", defaults)),
              setting("db.user", defaults),
              setting("oidc.issuer", defaults));
      var result =
          migrations.migrate(
              setting("db.url", defaults),
              setting("db.owner.user", defaults),
              setting("db.owner.password", defaults));
      System.out.println(
          "Schema at version "
              + Migrations.version(result).orElse("(none)")
              + " ("
              + result.migrationsExecuted
              + " migrations run"
              + (migrations.demoData() ? ", demo data on)" : ")"));
    } catch (RuntimeException e) {
      System.err.println("Schema migration failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** A setting as MicroProfile Config finds it: system property, environment, defaults file. */
  static String setting(String key, Properties defaults) {
    String value = System.getProperty(key);
    if (value == null) {
      value = System.getenv(key);
    }
    if (value == null) {
      value = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_"));
    }
    if (value == null) {
      value = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
    }
    if (value == null || value.isEmpty()) {
      value = defaults.getProperty(key);
    }
    if (value == null) {
      throw new IllegalStateException(key + " is not set");
    }
    return value;
  }

  private static Properties defaults() {
    Properties properties = new Properties();
    try (InputStream in =
        MigrateCommand.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
