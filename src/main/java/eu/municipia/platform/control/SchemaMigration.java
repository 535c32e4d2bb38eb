package eu.municipia.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Migrates the schema at start-up, as the owner role on its own connection (the pool's role may not
 * create tables). Readiness stays DOWN until this has succeeded. With several replicas, Flyway's
 * lock on its history table lets one migrate while the others wait.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Inject
  @ConfigProperty(name = "db.url")
  String url;

  @Inject
  @ConfigProperty(name = "db.owner.user")
  String owner;

  @Inject
  @ConfigProperty(name = "db.owner.password")
  String ownerPassword;

  @Inject
  @ConfigProperty(name = "db.user")
  String appRole;

  @Inject
  @ConfigProperty(name = "app.demo-data", defaultValue = "false")
  boolean demoData;

  @Inject
  @ConfigProperty(name = "oidc.issuer")
  String issuer;

  private volatile boolean done;

  @PostConstruct
  void migrate() {
    try {
      List<String> locations = new ArrayList<>(List.of("classpath:db/migration"));
      if (demoData) {
        locations.add("classpath:db/demo");
      }
      var result =
          Flyway.configure(SchemaMigration.class.getClassLoader())
              .dataSource(url, owner, ownerPassword)
              .locations(locations.toArray(String[]::new))
              .placeholders(Map.of("appRole", appRole, "issuer", issuer))
              .load()
              .migrate();
      LOG.info(
          () ->
              "Schema at version "
                  // Flyway leaves the target empty when another replica had migrated already.
                  + (result.targetSchemaVersion != null
                      ? result.targetSchemaVersion
                      : result.initialSchemaVersion)
                  + " ("
                  + result.migrationsExecuted
                  + " migrations run"
                  + (demoData ? ", demo data on)" : ")"));
      done = true;
    } catch (RuntimeException e) {
      // The app stays up (liveness) but not ready, so an orchestrator keeps traffic away.
      LOG.severe("Schema migration failed: " + e);
    }
  }

  public boolean isDone() {
    return done;
  }
}
