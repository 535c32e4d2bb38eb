package eu.municipia.audit.boundary;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.audit.entity.AuditEntry;
import eu.municipia.identity.entity.Role;
import eu.municipia.platform.boundary.ValidationProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The association's audit log, newest first, a page at a time. */
@Path("tenants/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(Role.ADMIN)
public class AuditResource {

  @Inject AuditLog audit;

  public record Page(long total, int offset, int limit, List<AuditEntry> items) {}

  @GET
  public Page latest(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    ValidationProblem.checkPage(offset, limit);
    return new Page(audit.count(), offset, limit, audit.latest(offset, limit));
  }
}
