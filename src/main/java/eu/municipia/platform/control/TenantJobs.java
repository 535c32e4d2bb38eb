package eu.municipia.platform.control;

import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scheduled work that every replica runs for every association: {@link #every} runs it on a fixed
 * delay and logs a failed run without ending the schedule; {@link #forEachTenant} runs it once per
 * association, in its context. The work itself claims its rows (FOR UPDATE SKIP LOCKED), so that
 * replicas running it at the same moment never do a thing twice.
 */
@ApplicationScoped
public class TenantJobs {

  private static final Logger LOG = Logger.getLogger(TenantJobs.class.getName());

  @Inject TenantDirectory tenants;
  @Inject TenantContext context;

  /** Runs the work every {@code seconds}, first after {@code seconds}. */
  public static void every(
      ManagedScheduledExecutorService executor, int seconds, String name, Runnable work) {
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            // A failed run must not end the schedule; the next one tries again.
            LOG.log(Level.WARNING, name + " failed", e);
          }
        },
        seconds,
        seconds,
        TimeUnit.SECONDS);
  }

  /**
   * Runs the work once for each association named (those the database says have work due, see
   * DueWork), in the association's context.
   */
  @ActivateRequestContext
  public void forEachTenant(Set<String> dueIn, Runnable work) {
    for (Tenant tenant : tenants.all()) {
      if (!dueIn.contains(tenant.id())) {
        continue;
      }
      context.runAs(
          tenant,
          () -> {
            work.run();
            return null;
          });
    }
  }
}
