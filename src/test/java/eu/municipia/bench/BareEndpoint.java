package eu.municipia.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The yardstick of the throughput benchmark: a JAX-RS endpoint in the same WAR that touches nothing
 * (no tenant, no database, no token), added to the benchmark's deployment only. Every filter of the
 * app still runs in front of it, so the ratio to it is what the app's own work costs.
 */
@Path("bench/bare")
@PermitAll
public class BareEndpoint {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String get() {
    return "ok";
  }
}
