package eu.municipia.identity.control;

import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The roles of callers in an association, kept for a while so that a bearer call does not read them
 * from the database every time (the benchmark measured that read on every request).
 *
 * <p>Kept only while every change reaches this replica: a trigger on {@code role_grant} notifies
 * every change through PostgreSQL, and {@link RoleChangeListener} evicts on every replica. While
 * the listener is not connected, nothing is cached (a change could be missed). An eviction also
 * drops what a request was loading at that moment ({@link #generation}), so a load that began
 * before a change is never kept after it. Bounded: the least recently used go first.
 */
@ApplicationScoped
public class RoleCache {

  static final int MAX_ENTRIES = 10_000;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "auth.role-cache-seconds", defaultValue = "300")
  int lifetimeSeconds;

  @Resource TransactionSynchronizationRegistry transactions;

  private record Key(String tenant, String subject) {}

  private record Entry(Set<Role> roles, Instant until) {}

  private final Map<Key, Entry> entries =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  private final AtomicLong generation = new AtomicLong();
  private volatile boolean listening;

  /** The caller's roles in the association, from the cache or from {@code load}. */
  public Set<Role> rolesOf(String tenant, Caller caller, Supplier<Set<Role>> load) {
    if (!listening || lifetimeSeconds <= 0) {
      return load.get();
    }
    Key key = new Key(tenant, caller.subject());
    Instant now = Instant.now(clock);
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry != null && entry.until().isAfter(now)) {
        return entry.roles();
      }
    }
    long before = generation.get();
    Set<Role> roles = Set.copyOf(load.get());
    synchronized (entries) {
      if (listening && generation.get() == before) {
        entries.put(key, new Entry(roles, now.plus(Duration.ofSeconds(lifetimeSeconds))));
      }
    }
    return roles;
  }

  /** A change of one person's roles in one association (from any replica). */
  void evict(String tenant, String subject) {
    synchronized (entries) {
      generation.incrementAndGet();
      entries.remove(new Key(tenant, subject));
    }
  }

  /**
   * Evicts once the current transaction ends, as well: the change's own replica then forgets at
   * once, before the answer leaves, whatever the notification's timing.
   */
  public void evictAfterTransaction(String tenant, String subject) {
    evict(tenant, subject);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              evict(tenant, subject);
            }
          }
        });
  }

  /** Whether changes reach this replica; off, the cache is emptied and stays empty. */
  void listening(boolean on) {
    synchronized (entries) {
      generation.incrementAndGet();
      entries.clear();
      listening = on;
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
