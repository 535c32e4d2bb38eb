package eu.municipia.platform.boundary;

import eu.municipia.platform.control.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * /health/ready: UP once the schema is at this build's version and the database answers through the
 * pool. The answer is public: why the database failed goes to the log, never into it (an SQL error
 * names hosts, roles and tables).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Inject SchemaMigration migration;

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    if (!migration.isDone()) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("schema", "not migrated")
          .build();
    }
    return answer(dataSource);
  }

  /**
   * Built with the constructor, not the builder: no provider lookup, so a unit test can call it.
   */
  static HealthCheckResponse answer(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      // The pool validates a connection at most once in 10 s, so a connection it hands out may
      // be dead: asking it is the check.
      if (c.isValid(2)) {
        return new HealthCheckResponse("database", Status.UP, Optional.empty());
      }
      LOG.warning("Readiness: the database connection did not answer within 2 s");
      return down();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Readiness: the database cannot be reached", e);
      return down();
    }
  }

  private static HealthCheckResponse down() {
    return new HealthCheckResponse(
        "database",
        Status.DOWN,
        Optional.of(Map.of("error", "the database cannot be reached; see the log")));
  }
}
