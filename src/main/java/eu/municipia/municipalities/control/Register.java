package eu.municipia.municipalities.control;

import eu.municipia.platform.entity.Page;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the shared register. Plain SQL: the search is accent-insensitive through PostgreSQL's
 * unaccent, and the register is the same for every tenant, so no tenant binding is involved.
 */
@ApplicationScoped
public class Register {

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  public record Entry(
      String code,
      String name,
      String district,
      String region,
      Integer population,
      Integer populationYear,
      BigDecimal lat,
      BigDecimal lon) {}

  private static final String FROM =
      " FROM municipality m LEFT JOIN LATERAL (SELECT p.population, p.year"
          + " FROM municipality_population p WHERE p.country = m.country AND p.code = m.code"
          + " ORDER BY p.year DESC LIMIT 1) latest ON true"
          + " WHERE m.country = ?"
          + " AND (?::text IS NULL OR unaccent(lower(m.name)) LIKE '%' || unaccent(lower(?)) || '%')"
          + " AND (?::text IS NULL OR m.region = ?)"
          + " AND (?::text IS NULL OR m.district = ?)";

  public Page<Entry> search(
      String country, String query, String region, String district, int offset, int limit) {
    String q = likePattern(blankToNull(query));
    String r = blankToNull(region);
    String d = blankToNull(district);
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + FROM)) {
        bind(ps, country, q, r, d);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<Entry> items = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT m.code, m.name, m.district, m.region, latest.population, latest.year,"
                  + " m.lat, m.lon"
                  + FROM
                  + " ORDER BY m.name, m.code OFFSET ? LIMIT ?")) {
        int next = bind(ps, country, q, r, d);
        ps.setInt(next, offset);
        ps.setInt(next + 1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(entry(rs));
          }
        }
      }
      return new Page<>(total, offset, limit, items);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the municipality register", e);
    }
  }

  private static final String ENTRY =
      "SELECT m.code, m.name, m.district, m.region, latest.population, latest.year, m.lat, m.lon"
          + " FROM municipality m LEFT JOIN LATERAL (SELECT p.population, p.year"
          + " FROM municipality_population p WHERE p.country = m.country AND p.code = m.code"
          + " ORDER BY p.year DESC LIMIT 1) latest ON true WHERE m.country = ?";

  /** One municipality by its code. */
  public Optional<Entry> entry(String country, String code) {
    List<Entry> found = entries(ENTRY + " AND m.code = ?", country, code);
    return found.stream().findFirst();
  }

  /**
   * The municipalities of exactly this name, accents and case aside ("cila" is Čilá), within a
   * region if one is given. Names repeat (two places are called Blažim), so this is a list.
   */
  public List<Entry> named(String country, String name, String region) {
    String r = blankToNull(region);
    return entries(
        ENTRY
            + " AND unaccent(lower(m.name)) = unaccent(lower(?))"
            + " AND (?::text IS NULL OR m.region = ?) ORDER BY m.district, m.code",
        country,
        name.trim(),
        r,
        r);
  }

  private List<Entry> entries(String sql, String... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      List<Entry> items = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(entry(rs));
        }
      }
      return items;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the municipality register", e);
    }
  }

  /** Whether the register knows this municipality. */
  public boolean exists(String country, String code) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM municipality WHERE country = ? AND code = ?")) {
      ps.setString(1, country);
      ps.setString(2, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the municipality register", e);
    }
  }

  /** Whether the register holds any municipality of the country yet. */
  public boolean isEmpty(String country) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT NOT EXISTS (SELECT 1 FROM municipality WHERE country = ?)")) {
      ps.setString(1, country);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the municipality register", e);
    }
  }

  /** One row of code, name, district, region, population, its year, lat, lon. */
  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        (Integer) rs.getObject(5),
        (Integer) rs.getObject(6),
        rs.getBigDecimal(7),
        rs.getBigDecimal(8));
  }

  private static int bind(PreparedStatement ps, String country, String q, String r, String d)
      throws SQLException {
    ps.setString(1, country);
    ps.setString(2, q);
    ps.setString(3, q);
    ps.setString(4, r);
    ps.setString(5, r);
    ps.setString(6, d);
    ps.setString(7, d);
    return 8;
  }

  /** The user's words taken literally inside LIKE: % and _ are not wildcards for them. */
  private static String likePattern(String query) {
    return query == null
        ? null
        : query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
