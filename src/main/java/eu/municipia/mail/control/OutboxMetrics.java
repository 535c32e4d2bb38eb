package eu.municipia.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The outbox at /metrics: messages waiting (all associations; the worker counts them on each run,
 * so every replica shows the database's figure), the age of the oldest, and counters of this
 * replica's sends, failed attempts and messages given up. Mail that waits long or many failures
 * mean the SMTP server is down or refuses us.
 */
@ApplicationScoped
public class OutboxMetrics {

  @Inject MetricRegistry registry;
  @Inject Clock clock;

  private Counter sent;
  private Counter failedAttempts;
  private Counter givenUp;
  private volatile long waiting;
  private volatile Instant oldestWaiting;

  @PostConstruct
  void register() {
    sent = registry.counter(counter("outbox.sent", "E-mails the SMTP server accepted"));
    failedAttempts =
        registry.counter(
            counter("outbox.attempts.failed", "Sends that failed and will be retried"));
    givenUp =
        registry.counter(counter("outbox.given.up", "E-mails given up after the last attempt"));
    registry.gauge(
        Metadata.builder()
            .withName("outbox.waiting")
            .withDescription("E-mails waiting to be sent, of all associations")
            .build(),
        () -> waiting);
    registry.gauge(
        Metadata.builder()
            .withName("outbox.oldest.waiting")
            .withDescription("How long the oldest waiting e-mail has waited (0 when none waits)")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        this::oldestWaitSeconds);
  }

  void sent() {
    sent.inc();
  }

  void attemptFailed(boolean givingUp) {
    failedAttempts.inc();
    if (givingUp) {
      givenUp.inc();
    }
  }

  /** What the worker counted over all associations on its last run. */
  void waiting(long count, Instant oldest) {
    waiting = count;
    oldestWaiting = oldest;
  }

  long oldestWaitSeconds() {
    Instant oldest = oldestWaiting;
    return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
  }

  private static Metadata counter(String name, String description) {
    return Metadata.builder().withName(name).withDescription(description).build();
  }
}
