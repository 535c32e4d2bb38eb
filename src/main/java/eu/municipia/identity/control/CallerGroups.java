package eu.municipia.identity.control;

import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Role;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The container groups (Jakarta roles) of a caller for one request: "member" and the granted roles,
 * but only in an association that the token's Organization claim lists. Elsewhere none.
 */
@ApplicationScoped
public class CallerGroups {

  @Inject TenantContext tenants;
  @Inject RoleGrants grants;
  @Inject RoleCache cache;

  @ActivateRequestContext
  public Set<String> of(Caller caller, Optional<Tenant> tenant) {
    Set<String> groups = new HashSet<>();
    if (caller.platformAdmin()) {
      groups.add(Role.PLATFORM_ADMIN);
    }
    if (tenant.isEmpty() || !caller.belongsTo(tenant.get().id())) {
      return groups;
    }
    groups.add(Role.MEMBER);
    cache
        .rolesOf(
            tenant.get().id(),
            caller,
            () -> tenants.runAs(tenant.get(), () -> grants.rolesOf(caller)))
        .stream()
        .map(Role::roleName)
        .forEach(groups::add);
    return groups;
  }

  /** Records the person in the association at their first request there in a session. */
  @ActivateRequestContext
  public void recordLogin(Caller caller, Tenant tenant) {
    if (caller.belongsTo(tenant.id())) {
      tenants.runAs(tenant, () -> grants.recordLogin(caller));
    }
  }
}
