package eu.municipia.tenancy.control;

import eu.municipia.tenancy.entity.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
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
 *
 * <p>One instance for the application, the tenant named by runAs held per thread (runAs runs its
 * work on the calling thread): as a request-scoped bean it was created on every request, and its
 * creation (a JNDI lookup for its resource, the JAX-RS runtime's injection into every bean) was 8 %
 * of the request threads' samples of a kept member list (JFR, ThroughputBenchmark's request).
 */
@ApplicationScoped
public class TenantContext {

  static final Object BOUND_TENANT = TenantContext.class.getName() + ".bound";

  @Inject HttpServletRequest request;
  @Inject TenantResolver resolver;
  @Resource TransactionSynchronizationRegistry transactions;

  /** The tenant runAs names on this thread, while its work runs. */
  private final ThreadLocal<Tenant> override = new ThreadLocal<>();

  /** The current tenant; throws {@link NoTenantException} where there is none. */
  public Tenant current() {
    return find().orElseThrow(NoTenantException::new);
  }

  public Optional<Tenant> find() {
    Tenant named = override.get();
    if (named != null) {
      return Optional.of(named);
    }
    try {
      return resolver.resolve(request);
    } catch (IllegalStateException | ContextNotActiveException noServletRequest) {
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
    Tenant previous = override.get();
    override.set(tenant);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        override.remove(); // pooled threads keep no tenant
      } else {
        override.set(previous);
      }
    }
  }
}
