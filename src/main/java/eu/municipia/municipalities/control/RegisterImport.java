package eu.municipia.municipalities.control;

import eu.municipia.municipalities.entity.ImportReport;
import eu.municipia.municipalities.entity.RegisterRow;
import eu.municipia.platform.control.DatabaseLimits;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import javax.sql.DataSource;

/**
 * Imports a year's population table into the shared register: an upsert by code, in one transaction
 * (all or nothing), idempotent (the same file twice changes nothing the second time), keeping
 * population per year and recording what changed. Plain JDBC in batches: the register is shared
 * reference data, not tenant data, and 6,000 rows should take seconds, not minutes.
 */
@ApplicationScoped
public class RegisterImport {

  private static final int EXAMPLES = 20;

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  @Inject DatabaseLimits limits;

  /** Rows written to the database per round trip; progress is reported after each. */
  static final int BATCH = 500;

  @Transactional
  public ImportReport run(
      String country, int year, String fileName, List<RegisterRow> rows, String importedBy) {
    return run(country, year, fileName, rows, importedBy, done -> {});
  }

  /** What a background job hears of its import, the first and last inside its transaction. */
  public interface Observer {

    /** The import's transaction has begun on this connection. */
    default void begun(Connection inTransaction) throws SQLException {}

    /** So many rows are written so far. */
    void written(int rows);

    /** All is written; what this writes on the connection commits with the import, or nothing. */
    default void finished(Connection inTransaction, ImportReport report) throws SQLException {}
  }

  /** Imports, telling the observer how far it is. */
  @Transactional
  public ImportReport run(
      String country,
      int year,
      String fileName,
      List<RegisterRow> rows,
      String importedBy,
      Observer observer) {
    try (Connection c = dataSource.getConnection()) {
      // A whole year's table takes longer than a page's few seconds: the long limits, explicitly.
      limits.allowLongWork(c);
      observer.begun(c);
      Map<String, Known> known = current(c, country, year);
      Counts counts = new Counts();
      long total = 0;
      for (RegisterRow row : rows) {
        total += row.population();
        counts.compare(known.get(row.code().code()), row);
      }
      upsert(c, country, year, rows, observer::written);
      record(c, country, year, fileName, importedBy, rows.size(), counts);
      ImportReport report =
          new ImportReport(
              country,
              year,
              rows.size(),
              counts.created,
              counts.renamed,
              counts.moved,
              counts.populationChanged,
              total,
              counts.delta,
              counts.examples);
      observer.finished(c, report);
      return report;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The import failed and changed nothing: " + e.getMessage(), e);
    }
  }

  /** The register as it stands, with each municipality's latest population up to this year. */
  private static Map<String, Known> current(Connection c, String country, int year)
      throws SQLException {
    Map<String, Known> known = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.code, m.name, m.district,"
                + " (SELECT p.population FROM municipality_population p"
                + "   WHERE p.country = m.country AND p.code = m.code AND p.year <= ?"
                + "   ORDER BY p.year DESC LIMIT 1)"
                + " FROM municipality m WHERE m.country = ?")) {
      ps.setInt(1, year);
      ps.setString(2, country);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int population = rs.getInt(4);
          known.put(
              rs.getString(1),
              new Known(rs.getString(2), rs.getString(3), rs.wasNull() ? null : population));
        }
      }
    }
    return known;
  }

  private static void upsert(
      Connection c, String country, int year, List<RegisterRow> rows, IntConsumer progress)
      throws SQLException {
    try (PreparedStatement municipality =
            c.prepareStatement(
                "INSERT INTO municipality (country, code, name, district, region, lat, lon)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (country, code) DO UPDATE SET"
                    + " name = excluded.name, district = excluded.district,"
                    + " region = excluded.region, lat = excluded.lat, lon = excluded.lon");
        PreparedStatement population =
            c.prepareStatement(
                "INSERT INTO municipality_population (country, code, year, population)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (country, code, year)"
                    + " DO UPDATE SET population = excluded.population")) {
      int written = 0;
      for (RegisterRow row : rows) {
        municipality.setString(1, country);
        municipality.setString(2, row.code().code());
        municipality.setString(3, row.name());
        municipality.setString(4, row.district());
        municipality.setString(5, row.region());
        municipality.setBigDecimal(6, row.lat());
        municipality.setBigDecimal(7, row.lon());
        municipality.addBatch();
        population.setString(1, country);
        population.setString(2, row.code().code());
        population.setInt(3, year);
        population.setInt(4, row.population());
        population.addBatch();
        if (++written % BATCH == 0 || written == rows.size()) {
          municipality.executeBatch();
          population.executeBatch();
          progress.accept(written);
        }
      }
    }
  }

  private static void record(
      Connection c,
      String country,
      int year,
      String fileName,
      String importedBy,
      int rowsRead,
      Counts counts)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO municipality_import (id, country, year, file_name, imported_by,"
                + " imported_at, rows_read, created, renamed, moved, population_changed)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setObject(1, UUID.randomUUID());
      ps.setString(2, country);
      ps.setInt(3, year);
      ps.setString(4, fileName);
      ps.setString(5, importedBy);
      ps.setTimestamp(6, Timestamp.from(Instant.now()));
      ps.setInt(7, rowsRead);
      ps.setInt(8, counts.created);
      ps.setInt(9, counts.renamed);
      ps.setInt(10, counts.moved);
      ps.setInt(11, counts.populationChanged);
      ps.executeUpdate();
    }
  }

  private record Known(String name, String district, Integer population) {}

  /** Tallies the differences between the register and the file, with a few examples. */
  private static final class Counts {
    int created;
    int renamed;
    int moved;
    int populationChanged;
    long delta;
    final List<String> examples = new ArrayList<>();

    void compare(Known before, RegisterRow row) {
      String code = row.code().code();
      if (before == null) {
        created++;
        example("new: " + code + " " + row.name());
        return;
      }
      if (!before.name().equals(row.name())) {
        renamed++;
        example("renamed: " + code + " " + before.name() + " -> " + row.name());
      }
      if (!before.district().equals(row.district())) {
        moved++;
        example(
            "moved: "
                + code
                + " "
                + row.name()
                + " "
                + before.district()
                + " -> "
                + row.district());
      }
      if (before.population() == null || before.population() != row.population()) {
        populationChanged++;
        delta += row.population() - (before.population() == null ? 0 : before.population());
      }
    }

    private void example(String text) {
      if (examples.size() < EXAMPLES) {
        examples.add(text);
      }
    }
  }
}
