package eu.municipia.tenancy.control;

import eu.municipia.platform.control.Kept;
import eu.municipia.tenancy.entity.Tenant;
import eu.municipia.tenancy.entity.TenantSlug;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The list of associations and their custom domains, read from the shared {@code tenant} tables.
 * Every request needs it before any tenant is known, so it is read with plain JDBC (these tables
 * have no row-level security) and kept for a short time.
 */
@ApplicationScoped
public class TenantDirectory {

  private static final Duration FRESHNESS = Duration.ofSeconds(30);

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  private final Kept<Snapshot> snapshot = new Kept<>(FRESHNESS, this::load);

  public Optional<Tenant> bySlug(String slug) {
    return Optional.ofNullable(current().bySlug().get(slug));
  }

  public Optional<Tenant> byHost(String host) {
    return Optional.ofNullable(current().byHost().get(host)).flatMap(this::bySlug);
  }

  /**
   * The custom domain an association's links use (see {@code Links}): of several, the shortest,
   * then the alphabetically first ("smopk.cz" before "www.smopk.cz"), so every link is the same.
   */
  public Optional<String> domainOf(Tenant tenant) {
    return current().byHost().entrySet().stream()
        .filter(e -> e.getValue().equals(tenant.id()))
        .map(Map.Entry::getKey)
        .min(java.util.Comparator.comparingInt(String::length).thenComparing(h -> h));
  }

  public List<Tenant> all() {
    return current().bySlug().values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  /** Forgets the cached list, so a tenant created a moment ago is found at once. */
  public void refresh() {
    snapshot.forget();
  }

  private Snapshot current() {
    return snapshot.get();
  }

  private Snapshot load() {
    try (Connection c = dataSource.getConnection()) {
      List<Tenant> tenants;
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, parent_id, name_cs, name_en, kind, region, status, country FROM tenant");
          ResultSet rs = ps.executeQuery()) {
        tenants = new java.util.ArrayList<>();
        while (rs.next()) {
          tenants.add(
              new Tenant(
                  new TenantSlug(rs.getString(1)),
                  Optional.ofNullable(rs.getString(2)).map(TenantSlug::new),
                  rs.getString(3),
                  rs.getString(4),
                  Tenant.Kind.valueOf(rs.getString(5)),
                  Optional.ofNullable(rs.getString(6)),
                  Tenant.Status.valueOf(rs.getString(7)),
                  rs.getString(8).trim()));
        }
      }
      Map<String, String> hosts = new java.util.HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT host, tenant FROM tenant_domain");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hosts.put(rs.getString(1), rs.getString(2));
        }
      }
      return new Snapshot(
          tenants.stream().collect(Collectors.toUnmodifiableMap(Tenant::id, Function.identity())),
          Map.copyOf(hosts));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the list of associations", e);
    }
  }

  private record Snapshot(Map<String, Tenant> bySlug, Map<String, String> byHost) {}
}
