package eu.municipia.platform.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's migrations, one definition for the two ways they run: at the app's start-up ({@link
 * SchemaMigration}, as the owner) and as a command of their own ({@link MigrateCommand}, the
 * Kubernetes Job). Also answers, through any role that may read Flyway's history, whether the
 * schema is at least at the version this build expects.
 */
public final class Migrations {

  private final boolean demoData;
  private final String appRole;
  private final String issuer;

  public Migrations(boolean demoData, String appRole, String issuer) {
    this.demoData = demoData;
    this.appRole = appRole;
    this.issuer = issuer;
  }

  /** Migrates as the owner on a connection of its own. */
  public MigrateResult migrate(String url, String owner, String ownerPassword) {
    return configure().dataSource(url, owner, ownerPassword).load().migrate();
  }

  /**
   * The versioned migrations of this build that the database has not run yet, read through the
   * given data source (the application role may read the history, nothing else). The demo data is
   * repeatable, not a version, and does not count.
   */
  public List<String> missingVersions(DataSource dataSource) {
    MigrationInfo[] all = configure().dataSource(dataSource).load().info().all();
    return Arrays.stream(all)
        .filter(m -> m.getVersion() != null && m.getState() == MigrationState.PENDING)
        .map(m -> m.getVersion().getVersion())
        .toList();
  }

  /** The schema version a migration left, or the one it found when there was nothing to do. */
  public static Optional<String> version(MigrateResult result) {
    // Flyway leaves the target empty when another replica had migrated already.
    return Optional.ofNullable(
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion);
  }

  private FluentConfiguration configure() {
    List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
    if (demoData) {
      locations.add("classpath:db/demo");
    }
    return Flyway.configure(Migrations.class.getClassLoader())
        .locations(locations.toArray(String[]::new))
        // Each feature owns a range of versions (magazine V30-V49, seminars V50-V69, ...), and
        // features land in any order: a database that has V101 still takes a V33 that lands later.
        .outOfOrder(true)
        .placeholders(Map.of("appRole", appRole, "issuer", issuer));
  }

  public boolean demoData() {
    return demoData;
  }
}
