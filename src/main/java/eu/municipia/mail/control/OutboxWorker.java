package eu.municipia.mail.control;

import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the outbox: at once after a transaction that queued mail commits, and every few seconds for
 * retries and for what another replica or a crash left behind. Each tenant's messages are sent in
 * that tenant's context, one transaction per message.
 */
@ApplicationScoped
public class OutboxWorker {

  private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
  private static final int BATCH = 100;

  @Resource ManagedScheduledExecutorService executor;
  @Inject TenantDirectory tenants;
  @Inject TenantContext tenantContext;
  @Inject OutboxSender sender;
  @Inject OutboxWorker self;
  @Inject OutboxMetrics metrics;

  @Inject
  @ConfigProperty(name = "smtp.poll-seconds", defaultValue = "5")
  int pollSeconds;

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    executor.scheduleWithFixedDelay(
        this::sendDueSafely, pollSeconds, pollSeconds, TimeUnit.SECONDS);
  }

  void mailQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Queued queued) {
    executor.execute(this::sendDueSafely);
  }

  private void sendDueSafely() {
    try {
      self.sendDue();
    } catch (RuntimeException e) {
      // A failed run must not cancel the schedule; the next one tries again.
      LOG.log(Level.WARNING, "Outbox run failed", e);
    }
  }

  /**
   * Sends what is due for every tenant, at most a batch per tenant per run, then counts what still
   * waits (for /metrics).
   */
  @ActivateRequestContext
  public void sendDue() {
    long waiting = 0;
    Instant oldest = null;
    for (Tenant tenant : tenants.all()) {
      OutboxSender.Waiting left =
          tenantContext.runAs(
              tenant,
              () -> {
                for (int i = 0; i < BATCH && sender.sendNext(); i++) {
                  // one message per transaction
                }
                return sender.waiting();
              });
      waiting += left.count();
      if (left.oldest() != null && (oldest == null || left.oldest().isBefore(oldest))) {
        oldest = left.oldest();
      }
    }
    metrics.waiting(waiting, oldest);
  }
}
