package eu.municipia.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers of an association's most read lists (the member directory, the coverage figures) and its
 * most read public pages (KeptPages) kept in this replica's memory under the association's read
 * version (V116__read_versions.sql): every write to the tables they read changes the version in its
 * own transaction, so an answer kept under the version the database gives now is the answer the
 * database would give. Each request still asks for the version (one small query on a pooled
 * connection, outside any transaction, shared by the requests that came while the one before was
 * out: {@link SharedQuestions}), and saves the rest: the transaction, the tenant binding, the
 * list's queries and, through {@link #writtenOf(Object)}, the JSON (or the page's HTML). The
 * version is read before the list, so a write that commits in between leaves a newer answer under
 * an older number, which the next request replaces: never an older answer under a newer one.
 *
 * <p>The key names the association and every parameter of the read, so that two callers share an
 * answer only where the read would have given both the same (the callers' rights are checked
 * before: what a caller may ask is decided by the resource, not here). Bounded: at most {@code
 * read-cache.entries} answers (1,000 by default; 0 turns the cache off) and {@code
 * read-cache.json-bytes} of written JSON and HTML (16 MiB), the least recently used going first.
 */
@ApplicationScoped
public class ReadCache {

  /** What a kept answer answers: the association, the read, and the read's parameters. */
  public record Key(String tenant, String read, List<?> parameters) {
    public Key {
      parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }
  }

  /** A kept answer and, once it has been written, its bytes (JSON or HTML). */
  private static final class Entry {
    final long version;
    final Object value;
    volatile byte[] json;

    Entry(long version, Object value) {
      this.version = version;
      this.value = value;
    }
  }

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "read-cache.entries", defaultValue = "1000")
  int capacity;

  @Inject
  @ConfigProperty(name = "read-cache.json-bytes", defaultValue = "16777216")
  long jsonCapacity;

  /** The bytes of the JSON and HTML kept, guarded by {@link #entries}. */
  private long jsonBytes;

  /** By key, least recently used first; guarded by itself, as is {@link #byValue}. */
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

  /** The same entries by the identity of their answer, for the writers. */
  private final Map<Object, Entry> byValue = new IdentityHashMap<>();

  /**
   * The answer of {@code read} for {@code key}: the kept one when the association's data has not
   * changed since it was kept, else read now (in the caller's transaction, as without the cache)
   * and kept. The answer is shared with later requests: it must not be changed.
   */
  public <T> T get(Key key, Supplier<T> read) {
    if (capacity <= 0) {
      return read.get();
    }
    return get(key, versionOf(key.tenant()), read);
  }

  /** {@link #get(Key, Supplier)} once the association's version is known. */
  @SuppressWarnings("unchecked")
  <T> T get(Key key, long version, Supplier<T> read) {
    synchronized (entries) {
      Entry kept = entries.get(key);
      if (kept != null && kept.version == version) {
        return (T) kept.value;
      }
    }
    T value = read.get();
    if (value == null) {
      return null;
    }
    synchronized (entries) {
      Entry kept = new Entry(version, value);
      forget(entries.put(key, kept));
      byValue.put(value, kept);
      trim();
    }
    return value;
  }

  /** Drops the least recently used answers while there are too many, or too many bytes. */
  private void trim() {
    Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
    while ((entries.size() > capacity || jsonBytes > jsonCapacity) && eldest.hasNext()) {
      Entry dropped = eldest.next().getValue();
      eldest.remove();
      forget(dropped);
    }
  }

  private void forget(Entry dropped) {
    if (dropped != null) {
      byValue.remove(dropped.value);
      byte[] json = dropped.json;
      jsonBytes -= json == null ? 0 : json.length;
    }
  }

  /** The bytes written for this kept answer before, or null (not kept, or not written yet). */
  public byte[] writtenOf(Object value) {
    synchronized (entries) {
      Entry kept = byValue.get(value);
      return kept == null ? null : kept.json;
    }
  }

  /** Keeps the bytes written for a kept answer, so that the next request writes these bytes. */
  public void keepWritten(Object value, byte[] json) {
    synchronized (entries) {
      Entry kept = byValue.get(value);
      if (kept != null && kept.json == null) {
        kept.json = json;
        jsonBytes += json.length;
        trim();
      }
    }
  }

  /** How many answers are kept. */
  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** Whether this is an answer kept here (so its bytes are worth keeping). */
  public boolean isKept(Object value) {
    synchronized (entries) {
      return byValue.containsKey(value);
    }
  }

  /** Requests that want the same association's version at once share one question. */
  private final SharedQuestions<String> versions = new SharedQuestions<>(this::askVersion);

  private long versionOf(String tenant) {
    return versions.get(tenant);
  }

  private long askVersion(String tenant) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT read_version(?)")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      // An outage keeps its SQLException as the cause: Outages answers it with 503.
      throw new IllegalStateException("Could not read the version of " + tenant + "'s data", e);
    }
  }
}
