package eu.municipia.seminars.control;

import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On this replica, registrations for one event queue here, in arrival order, before their
 * transaction begins. The event's row lock (taken in the transaction) is what decides across
 * replicas; without this line, a burst for one event would hold every pooled connection while
 * waiting for that lock, and requests for anything else would find no connection. Waiting here
 * costs a request thread, not a database connection.
 */
@ApplicationScoped
public class EventLines {

  private final Map<UUID, Semaphore> lines = new ConcurrentHashMap<>();

  @Inject
  @ConfigProperty(name = "seminars.line-wait-seconds", defaultValue = "120")
  int waitSeconds;

  /** Runs the work (its own transaction) when it is this request's turn for the event. */
  public <T> T inLine(UUID seminar, Supplier<T> work) {
    Semaphore line = lines.computeIfAbsent(seminar, id -> new Semaphore(1, true));
    try {
      if (!line.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
        throw tooMany();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw tooMany();
    }
    try {
      return work.get();
    } finally {
      line.release();
    }
  }

  private static Refusal tooMany() {
    return new Refusal(
        Refusal.Kind.TOO_MANY,
        "Too many registrations for this event at once; try again shortly.",
        Map.of("event", "seminar.error.busy"));
  }
}
