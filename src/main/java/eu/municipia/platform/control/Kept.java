package eu.municipia.platform.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Shared reference data that nearly every request needs (the associations, the countries), read
 * from the database and kept for a short time: a change on this replica is seen at once ({@link
 * #forget}), one on another within the freshness.
 */
public final class Kept<T> {

  private final Duration freshness;
  private final Supplier<T> load;
  private final AtomicReference<Read<T>> read = new AtomicReference<>();

  public Kept(Duration freshness, Supplier<T> load) {
    this.freshness = Objects.requireNonNull(freshness, "freshness is required");
    this.load = Objects.requireNonNull(load, "load is required");
  }

  public T get() {
    Read<T> r = read.get();
    if (r == null || r.at().plus(freshness).isBefore(Instant.now())) {
      r = new Read<>(load.get(), Instant.now());
      read.set(r);
    }
    return r.value();
  }

  /** Reads again on the next {@link #get}. */
  public void forget() {
    read.set(null);
  }

  private record Read<T>(T value, Instant at) {}
}
