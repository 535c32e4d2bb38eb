package eu.municipia.tenancy.control;

import eu.municipia.tenancy.entity.Tenant;
import java.util.Optional;

/**
 * What the resolver found for one request: the tenant (if any), whether the host or the path named
 * it, and the path within the tenant ("/members" for "/smopk/members").
 */
public record TenantResolution(Optional<Tenant> tenant, boolean byHost, String pathWithinTenant) {

  /** The URL prefix of the tenant's pages: "/smopk" on the shared host, "" on its own domain. */
  public String urlPrefix() {
    return byHost || tenant.isEmpty() ? "" : "/" + tenant.get().id();
  }
}
