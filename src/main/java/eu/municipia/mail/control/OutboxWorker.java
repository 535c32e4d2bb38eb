package eu.municipia.mail.control;

import eu.municipia.platform.control.DueWork;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the outbox: at once after a transaction that queued mail commits, and every few seconds for
 * retries and for what another replica or a crash left behind. Up to {@code outbox.workers} workers
 * run at once (one starts when mail is queued; a worker that finds a full batch starts another);
 * each claims a batch of one tenant's due messages and sends it over one SMTP connection, recording
 * each message as sent as soon as the server accepted it. A message's id is its Message-ID at every
 * attempt, so the one repeat a crash between the server's answer and that record can cause is
 * recognisable as a duplicate.
 */
@ApplicationScoped
public class OutboxWorker {

  private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedThreadFactory threads;
  @Inject TenantDirectory tenants;
  @Inject TenantContext tenantContext;
  @Inject OutboxSender sender;
  @Inject MailTransport transport;
  @Inject OutboxWorker self;
  @Inject OutboxMetrics metrics;
  @Inject DueWork due;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "smtp.poll-seconds", defaultValue = "5")
  int pollSeconds;

  @Inject
  @ConfigProperty(name = "outbox.workers", defaultValue = "4")
  int workers;

  @Inject
  @ConfigProperty(name = "outbox.batch-size", defaultValue = "50")
  int batchSize;

  /** How long a claimed batch is a worker's; it stops sending it after half of that. */
  @Inject
  @ConfigProperty(name = "outbox.lease-seconds", defaultValue = "120")
  int leaseSeconds;

  private final AtomicInteger running = new AtomicInteger();
  private ExecutorService pool;

  @PostConstruct
  void createPool() {
    pool = Executors.newFixedThreadPool(Math.max(1, workers), threads);
  }

  @PreDestroy
  void stopPool() {
    pool.shutdownNow();
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    scheduler.scheduleWithFixedDelay(this::wake, pollSeconds, pollSeconds, TimeUnit.SECONDS);
  }

  void mailQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Queued queued) {
    wake();
  }

  /** Starts one more worker, unless as many run as configured. */
  void wake() {
    int now;
    do {
      now = running.get();
      if (now >= Math.max(1, workers)) {
        return;
      }
    } while (!running.compareAndSet(now, now + 1));
    try {
      pool.execute(this::work);
    } catch (RuntimeException e) {
      running.decrementAndGet();
      LOG.log(Level.WARNING, "No outbox worker could start", e);
    }
  }

  private void work() {
    try {
      self.sendDue();
    } catch (RuntimeException e) {
      // A failed run must not stop the sending; the next wake-up tries again.
      LOG.log(Level.WARNING, "Outbox run failed", e);
    } finally {
      running.decrementAndGet();
    }
  }

  /**
   * Sends what is due for every tenant until nothing is, over one SMTP connection for the run; then
   * counts what still waits (for /metrics). The database names the tenants that have mail due (one
   * query per round, DueWork): a poll of a platform with 1,000 associations and no mail is one
   * query, not a transaction in each association.
   */
  @ActivateRequestContext
  public void sendDue() {
    try (MailTransport.Connection connection = transport.connect()) {
      boolean more = true;
      while (more) {
        more = false;
        Set<String> dueIn = due.outbox(Instant.now(clock));
        for (Tenant tenant : tenants.all()) {
          if (!dueIn.contains(tenant.id())) {
            continue;
          }
          Boolean busy = tenantContext.runAs(tenant, () -> sendBatch(connection));
          if (busy == null) {
            return; // the SMTP server is away: the next poll tries again
          }
          more |= busy;
        }
      }
    } finally {
      DueWork.Waiting left = due.outboxWaiting();
      metrics.waiting(left.count(), left.oldest());
    }
  }

  /**
   * Claims and sends one batch of the current tenant. Answers whether it was full (more may be
   * due), or null when the connection to the SMTP server failed.
   */
  private Boolean sendBatch(MailTransport.Connection connection) {
    Duration lease = Duration.ofSeconds(leaseSeconds);
    OutboxSender.Claim claim = sender.claim(batchSize, lease);
    List<MailTransport.Envelope> batch = claim.envelopes();
    if (batch.isEmpty()) {
      return false;
    }
    if (batch.size() == batchSize) {
      wake(); // there is more: another worker may help
    }
    Instant stopBy = Instant.now().plus(lease.dividedBy(2));
    for (int i = 0; i < batch.size(); i++) {
      MailTransport.Envelope envelope = batch.get(i);
      if (Instant.now().isAfter(stopBy)) {
        // A slow server (or a busy machine): give the rest back before the lease ends, rather than
        // risk a second worker claiming a message this one is still sending. They were not tried,
        // so they are due again at once: counted as failed attempts, their waits would double on
        // every slow run and mail would sit for minutes after the server is fine.
        sender.release(ids(batch, i), claim.until());
        return true;
      }
      try {
        connection.send(envelope);
        sender.sent(envelope.id());
      } catch (MailTransport.SendFailedException e) {
        if (e.connectionLost()) {
          // This message's attempt failed; the ones after it never reached the server: an outage
          // delays them until the server is back, not by a wait that doubles on every poll.
          sender.failed(List.of(envelope.id()), e.getMessage());
          sender.release(ids(batch, i + 1), claim.until());
          return null;
        }
        sender.failed(List.of(envelope.id()), e.getMessage());
      }
    }
    return batch.size() == batchSize;
  }

  private static List<UUID> ids(List<MailTransport.Envelope> batch, int from) {
    List<UUID> ids = new ArrayList<>();
    for (int i = from; i < batch.size(); i++) {
      ids.add(batch.get(i).id());
    }
    return ids;
  }
}
