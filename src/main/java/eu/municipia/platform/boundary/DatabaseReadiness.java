package eu.municipia.platform.boundary;

import eu.municipia.platform.control.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** /health/ready: UP once the schema is migrated and the database answers through the pool. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

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
    try (Connection c = dataSource.getConnection()) {
      return HealthCheckResponse.named("database").status(c.isValid(2)).build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
    }
  }
}
