package eu.municipia.seminars.control;

import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the seminars' scheduled work ({@link SeminarJobs}) for every association every {@code
 * seminars.poll-seconds} (60 by default) on every replica; the jobs' row claims make each thing
 * happen once.
 */
@ApplicationScoped
public class SeminarScheduler {

  private static final Logger LOG = Logger.getLogger(SeminarScheduler.class.getName());
  private static final int REMINDERS_PER_STEP = 50;

  @Resource ManagedScheduledExecutorService executor;
  @Inject TenantDirectory tenants;
  @Inject TenantContext tenantContext;
  @Inject SeminarJobs jobs;
  @Inject SeminarScheduler self;

  @Inject
  @ConfigProperty(name = "seminars.poll-seconds", defaultValue = "60")
  int pollSeconds;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            self.runDue();
          } catch (RuntimeException e) {
            // A failed run must not end the schedule; the next one tries again.
            LOG.log(Level.WARNING, "Seminar jobs failed", e);
          }
        },
        pollSeconds,
        pollSeconds,
        TimeUnit.SECONDS);
  }

  /** One run over every association: expired offers, then reminders. */
  @ActivateRequestContext
  public void runDue() {
    for (Tenant tenant : tenants.all()) {
      tenantContext.runAs(
          tenant,
          () -> {
            for (UUID seminar : jobs.eventsWithDueOffers()) {
              jobs.settle(seminar);
            }
            while (jobs.remind(REMINDERS_PER_STEP) == REMINDERS_PER_STEP) {
              // the next batch, in a transaction of its own
            }
            return null;
          });
    }
  }
}
