package eu.municipia.audit.boundary;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.audit.entity.AuditEntry;
import eu.municipia.identity.entity.Role;
import eu.municipia.platform.entity.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The association's audit log, newest first, a page at a time. */
@Path("tenants/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(Role.ADMIN)
public class AuditResource {

  @Inject AuditLog audit;

  @GET
  public Page<AuditEntry> latest(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Page.check(offset, limit);
    return audit.latest(offset, limit);
  }
}
