package eu.municipia.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the schema to this build's version, or waits for it. With {@code db.migrate=true} (the
 * default: the local run and the tests) it migrates at start-up as the owner role on its own
 * connection (the pool's role may not create tables); with several replicas Flyway's lock lets one
 * migrate while the others wait. With {@code db.migrate=false} (production: a Job runs {@link
 * MigrateCommand} with the owner's password, which serving pods never get) it only checks, through
 * the application role, that no migration of this build is missing. Readiness stays DOWN until
 * either has succeeded.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Inject
  @ConfigProperty(name = "db.migrate", defaultValue = "true")
  boolean migrate;

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

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  private volatile boolean done;
  private volatile List<String> lastMissing = List.of();

  @PostConstruct
  void start() {
    if (!migrate) {
      LOG.info("db.migrate=false: not migrating; ready once the schema has this build's version");
      return;
    }
    try {
      var result = migrations().migrate(url, owner, ownerPassword);
      LOG.info(
          () ->
              "Schema at version "
                  + Migrations.version(result).orElse("(none)")
                  + " ("
                  + result.migrationsExecuted
                  + " migrations run"
                  + (demoData ? ", demo data on)" : ")"));
      done = true;
    } catch (RuntimeException e) {
      // The app stays up (liveness) but not ready, so an orchestrator keeps traffic away.
      LOG.log(Level.SEVERE, "Schema migration failed", e);
    }
  }

  /** Whether the schema is at least at this build's version (migrated here or by the Job). */
  public boolean isDone() {
    if (done || migrate) {
      return done;
    }
    // Once there, the schema never goes back: checked until it is, then never again.
    try {
      List<String> missing = migrations().missingVersions(dataSource);
      if (!missing.equals(lastMissing)) {
        lastMissing = missing;
        if (!missing.isEmpty()) {
          LOG.warning("Waiting for the schema migration: versions " + missing + " are missing");
        }
      }
      done = missing.isEmpty();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read the schema's version", e);
    }
    return done;
  }

  private Migrations migrations() {
    return new Migrations(demoData, appRole, issuer);
  }
}
