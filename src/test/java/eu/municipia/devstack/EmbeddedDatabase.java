package eu.municipia.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL 17 with the two roles of the production layout: the owner that Flyway
 * migrates as, and the application role that owns nothing and cannot bypass row-level security.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String DATABASE = "municipia";
  public static final String OWNER = "municipia_owner";
  public static final String APP_ROLE = "municipia_app";

  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres postgres;

  public EmbeddedDatabase(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  public EmbeddedDatabase start() throws IOException {
    Files.createDirectories(dataDir);
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("max_connections", "200")
            .start();
    createRolesAndDatabase();
    return this;
  }

  /** Stops and starts the server on the same port and data: what the recovery test needs. */
  public void restart() throws IOException {
    postgres.close();
    start();
  }

  public void stop() throws IOException {
    postgres.close();
  }

  public int port() {
    return port;
  }

  /** A superuser connection: only the stack and tests use it, never the application. */
  public Connection superuser(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "postgres");
  }

  public Connection owner() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/" + DATABASE, OWNER, OWNER);
  }

  public Connection app() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/" + DATABASE, APP_ROLE, APP_ROLE);
  }

  private void createRolesAndDatabase() throws IOException {
    try (Connection c = superuser("postgres");
        Statement s = c.createStatement()) {
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + OWNER
              + "') THEN CREATE ROLE "
              + OWNER
              + " LOGIN PASSWORD '"
              + OWNER
              + "'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + APP_ROLE
              + "') THEN CREATE ROLE "
              + APP_ROLE
              + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '"
              + APP_ROLE
              + "'; END IF; END $$");
      var exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (!exists.next()) {
        s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8'");
      }
    } catch (SQLException e) {
      throw new IOException("Could not prepare the embedded database", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
