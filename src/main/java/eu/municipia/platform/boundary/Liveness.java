package eu.municipia.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** /health/live: the application is deployed and answers; nothing external is asked. */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class Liveness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("application");
  }
}
