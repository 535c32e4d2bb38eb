package eu.municipia.tenancy.control;

import eu.municipia.tenancy.entity.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant of the work in progress: the one the resolver found for the HTTP request, or the one a
 * background job names with {@link #runAs}. Feature code never sees a tenant id; it injects the
 * EntityManager, which asks this class.
 */
@RequestScoped
public class TenantContext {

  static final Object BOUND_TENANT = TenantContext.class.getName() + ".bound";

  @Inject HttpServletRequest request;
  @Inject TenantResolver resolver;
  @Resource TransactionSynchronizationRegistry transactions;

  private Tenant override;

  /** The current tenant; throws {@link NoTenantException} where there is none. */
  public Tenant current() {
    return find().orElseThrow(NoTenantException::new);
  }

  public Optional<Tenant> find() {
    if (override != null) {
      return Optional.of(override);
    }
    try {
      return resolver.resolve(request);
    } catch (IllegalStateException noServletRequest) {
      // A job outside any HTTP request: only runAs can name its tenant.
      return Optional.empty();
    }
  }

  /**
   * Runs work for the given tenant (jobs, tests). Must be called outside a transaction that already
   * works for another tenant: that transaction's EntityManager and connection are bound to it.
   */
  public <T> T runAs(Tenant tenant, Supplier<T> work) {
    Objects.requireNonNull(tenant, "tenant is required");
    Object bound =
        transactions.getTransactionKey() == null ? null : transactions.getResource(BOUND_TENANT);
    if (bound != null && !bound.equals(tenant.id())) {
      throw new IllegalStateException(
          "This transaction works for " + bound + "; start a new one for " + tenant.id());
    }
    Tenant previous = override;
    override = tenant;
    try {
      return work.get();
    } finally {
      override = previous;
    }
  }
}
