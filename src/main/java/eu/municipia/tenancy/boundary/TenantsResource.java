package eu.municipia.tenancy.boundary;

import eu.municipia.tenancy.control.TenantDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The public list of associations on this platform. */
@Path("tenants")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@PermitAll
public class TenantsResource {

  @Inject TenantDirectory directory;

  public record TenantView(String slug, String parent, String nameCs, String nameEn, String kind) {}

  @GET
  public List<TenantView> all() {
    return directory.all().stream()
        .map(
            t ->
                new TenantView(
                    t.id(),
                    t.parent().map(Object::toString).orElse(null),
                    t.nameCs(),
                    t.nameEn(),
                    t.kind().name()))
        .toList();
  }
}
