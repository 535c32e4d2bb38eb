package eu.municipia.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The connection pool as the application's transactions see it: how many connections they hold, how
 * many wait for one, and how long taking one from the pool takes. Payara's own pool metrics cannot
 * be had for an application's pool (its metrics service cannot name one), so the one place that
 * binds a connection to each transaction counts instead. Connections taken outside a transaction
 * (readiness, the register import's bulk statements) are not in these figures.
 */
@ApplicationScoped
public class ConnectionMetrics {

  private final AtomicInteger inUse = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();
  private Timer acquisition;

  @Inject MetricRegistry registry;

  @PostConstruct
  void register() {
    registry.gauge(
        Metadata.builder()
            .withName("db.connections.in.use")
            .withDescription("Pooled connections that transactions hold now")
            .build(),
        inUse::get);
    registry.gauge(
        Metadata.builder()
            .withName("db.connections.waiting")
            .withDescription("Transactions waiting for a pooled connection now")
            .build(),
        waiting::get);
    acquisition =
        registry.timer(
            Metadata.builder()
                .withName("db.connection.acquisition")
                .withDescription("Time a transaction waited to take a connection from the pool")
                .withUnit(MetricUnits.NANOSECONDS)
                .build());
  }

  /** Takes a connection through the given step, counting the wait and, after it, the holding. */
  public <T> T acquire(Supplier<T> take) {
    long started = System.nanoTime();
    waiting.incrementAndGet();
    try {
      T connection = take.get();
      inUse.incrementAndGet();
      return connection;
    } finally {
      waiting.decrementAndGet();
      acquisition.update(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** The transaction that held a connection has ended. */
  public void released() {
    inUse.decrementAndGet();
  }
}
