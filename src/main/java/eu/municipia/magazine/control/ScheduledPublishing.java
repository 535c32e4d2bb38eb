package eu.municipia.magazine.control;

import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.control.DueWork;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes scheduled articles when their time comes: every association's due articles, locked and
 * skipped where another replica holds them, so each comes out once.
 */
@ApplicationScoped
public class ScheduledPublishing {

  private static final Logger LOG = Logger.getLogger(ScheduledPublishing.class.getName());

  /** Who the audit log names for a scheduled publication. */
  static final Caller SCHEDULER =
      new Caller(
          "scheduler", "scheduler", "scheduler", "Scheduled publication", null, Set.of(), false);

  @Resource ManagedScheduledExecutorService executor;
  @Inject TenantDirectory tenants;
  @Inject TenantContext tenantContext;
  @Inject Articles articles;
  @Inject ScheduledPublishing self;
  @Inject DueWork due;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "magazine.schedule-poll-seconds", defaultValue = "30")
  int pollSeconds;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    executor.scheduleWithFixedDelay(this::runSafely, pollSeconds, pollSeconds, TimeUnit.SECONDS);
  }

  private void runSafely() {
    try {
      self.publishDue();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled publication failed", e);
    }
  }

  @ActivateRequestContext
  public void publishDue() {
    // Only where the database says an article is due (one query, DueWork), not in every
    // association.
    Set<String> dueIn = due.scheduledArticles(Instant.now(clock));
    for (Tenant tenant : tenants.all()) {
      if (!dueIn.contains(tenant.id())) {
        continue;
      }
      int published = tenantContext.runAs(tenant, () -> articles.publishDue(SCHEDULER));
      if (published > 0) {
        LOG.info(() -> tenant.id() + ": " + published + " scheduled article(s) published");
      }
    }
  }
}
