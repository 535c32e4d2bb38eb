package eu.municipia.identity.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.control.RoleGrants;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Role;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;

/** Who the caller is in this association and which roles they hold here. */
@Path("tenants/{tenant}/me")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class MeResource {

  @Inject CurrentCaller caller;
  @Inject TenantContext tenants;
  @Inject RoleGrants grants;
  @Context SecurityContext security;

  public record Me(
      String tenant,
      String subject,
      String username,
      String name,
      String email,
      List<String> roles) {}

  @GET
  @RolesAllowed(Role.MEMBER)
  public Me me() {
    Caller c = caller.get();
    // Programs appear in the list of people too, so admins can grant them roles.
    grants.recordLogin(c);
    List<String> roles =
        Arrays.stream(Role.values()).map(Role::roleName).filter(security::isUserInRole).toList();
    return new Me(
        tenants.current().id(), c.subject(), c.username(), c.displayName(), c.email(), roles);
  }
}
