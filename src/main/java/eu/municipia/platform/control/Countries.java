package eu.municipia.platform.control;

import eu.municipia.platform.entity.Country;
import eu.municipia.platform.entity.Terms;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The countries whose registers the platform holds, with their terms: the shared {@code country}
 * table, read with plain JDBC (no row-level security, no tenant) and kept for a short time, since
 * nearly every page asks. A change is seen at once on this replica, within the freshness on others.
 */
@ApplicationScoped
public class Countries {

  private static final Duration FRESHNESS = Duration.ofSeconds(30);
  private static final Jsonb JSON = JsonbBuilder.create();

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  private final Kept<Map<String, Country>> byCode = new Kept<>(FRESHNESS, this::load);

  public Optional<Country> find(String code) {
    return Optional.ofNullable(code).map(byCode.get()::get);
  }

  /** Every country, by code. */
  public List<Country> all() {
    return byCode.get().values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
  }

  /**
   * Adds the country or replaces its names and terms, with a row of who changed what in the same
   * statement (so the change and its record are one).
   */
  public void save(Country country, String changedBy) {
    Country before = find(country.code()).orElse(null);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "WITH saved AS (INSERT INTO country (code, name_cs, name_en, region_cs, region_en,"
                    + " district_cs, district_en, authority_cs, authority_en)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET"
                    + " name_cs = EXCLUDED.name_cs, name_en = EXCLUDED.name_en,"
                    + " region_cs = EXCLUDED.region_cs, region_en = EXCLUDED.region_en,"
                    + " district_cs = EXCLUDED.district_cs, district_en = EXCLUDED.district_en,"
                    + " authority_cs = EXCLUDED.authority_cs, authority_en = EXCLUDED.authority_en"
                    + " RETURNING code)"
                    + " INSERT INTO country_change (code, changed_by, changed_at, before_state,"
                    + " after_state) SELECT code, ?, now(), CAST(? AS jsonb), CAST(? AS jsonb)"
                    + " FROM saved")) {
      ps.setString(1, country.code());
      ps.setString(2, country.nameCs());
      ps.setString(3, country.nameEn());
      ps.setArray(4, forms(c, country.cs().region()));
      ps.setArray(5, forms(c, country.en().region()));
      ps.setArray(6, forms(c, country.cs().district()));
      ps.setArray(7, forms(c, country.en().district()));
      ps.setString(8, country.cs().authority());
      ps.setString(9, country.en().authority());
      ps.setString(10, changedBy);
      ps.setString(11, before == null ? null : JSON.toJson(state(before)));
      ps.setString(12, JSON.toJson(state(country)));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not save the country " + country.code(), e);
    }
    byCode.forget();
  }

  private static Map<String, Object> state(Country c) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("nameCs", c.nameCs());
    state.put("nameEn", c.nameEn());
    state.put("regionCs", c.cs().region().forms());
    state.put("regionEn", c.en().region().forms());
    state.put("districtCs", c.cs().district().forms());
    state.put("districtEn", c.en().district().forms());
    state.put("authorityCs", c.cs().authority());
    state.put("authorityEn", c.en().authority());
    return state;
  }

  private static Array forms(Connection c, Terms.Unit unit) throws SQLException {
    return c.createArrayOf("text", unit.forms().toArray());
  }

  private Map<String, Country> load() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT code, name_cs, name_en, region_cs, region_en, district_cs, district_en,"
                    + " authority_cs, authority_en FROM country");
        ResultSet rs = ps.executeQuery()) {
      Map<String, Country> countries = new LinkedHashMap<>();
      while (rs.next()) {
        Country country =
            new Country(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                new Terms(unit(rs.getArray(4)), unit(rs.getArray(6)), rs.getString(8)),
                new Terms(unit(rs.getArray(5)), unit(rs.getArray(7)), rs.getString(9)));
        countries.put(country.code(), country);
      }
      return Map.copyOf(countries);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the countries", e);
    }
  }

  private static Terms.Unit unit(Array forms) throws SQLException {
    return Terms.Unit.of(Arrays.asList((String[]) forms.getArray()));
  }
}
