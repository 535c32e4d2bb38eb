package eu.municipia.identity.boundary;

import eu.municipia.identity.control.IdentityProviderUnavailableException;
import eu.municipia.identity.control.ProvisioningFailedException;
import eu.municipia.platform.boundary.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Keycloak's answers to provisioning, as problem+json: nothing here is the caller's fault. */
public final class ProvisioningProblems {

  private ProvisioningProblems() {}

  /** Keycloak answered but refused a step: 502, with its reason for the admin. */
  @Provider
  public static class Failed implements ExceptionMapper<ProvisioningFailedException> {
    @Override
    public Response toResponse(ProvisioningFailedException e) {
      return Problems.response(502, e.getMessage());
    }
  }

  /** Keycloak did not answer: 503, try again later. */
  @Provider
  public static class Unavailable implements ExceptionMapper<IdentityProviderUnavailableException> {
    @Override
    public Response toResponse(IdentityProviderUnavailableException e) {
      return Problems.response(503, "Keycloak is not reachable; try again.");
    }
  }
}
