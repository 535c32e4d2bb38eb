package eu.municipia.seminars.control;

import eu.municipia.platform.control.DueWork;
import eu.municipia.platform.control.TenantJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the seminars' scheduled work ({@link SeminarJobs}) for every association every {@code
 * seminars.poll-seconds} (60 by default) on every replica; the jobs' row claims make each thing
 * happen once.
 */
@ApplicationScoped
public class SeminarScheduler {

  private static final int REMINDERS_PER_STEP = 50;

  @Resource ManagedScheduledExecutorService executor;
  @Inject TenantJobs tenantJobs;
  @Inject SeminarJobs jobs;
  @Inject DueWork due;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "seminars.poll-seconds", defaultValue = "60")
  int pollSeconds;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    TenantJobs.every(executor, pollSeconds, "Seminar jobs", this::runDue);
  }

  /** One run over every association: offers that expired pass on, then the reminders. */
  public void runDue() {
    tenantJobs.forEachTenant(
        due.seminars(Instant.now(clock), jobs.reminderHours()),
        () -> {
          for (UUID seminar : jobs.eventsWithDueOffers()) {
            jobs.settle(seminar);
          }
          while (jobs.remind(REMINDERS_PER_STEP) == REMINDERS_PER_STEP) {
            // the next batch, in a transaction of its own
          }
        });
  }
}
