package eu.municipia.municipalities.control;

import eu.municipia.municipalities.control.RegisterImportJobs.State;
import eu.municipia.municipalities.control.RegisterImportJobs.Status;
import eu.municipia.municipalities.entity.ImportReport;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The register import jobs' rows, each write in a transaction of its own: progress must be seen by
 * the page's polls (on any replica) while the import's own transaction is still open.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ImportJobLedger {

  /** A job that has not moved for this long lost its replica; its import was rolled back. */
  static final Duration STALLED = Duration.ofMinutes(10);

  /** Finished jobs are forgotten after a day. */
  static final Duration KEPT = Duration.ofDays(1);

  private static final Jsonb JSON = JsonbBuilder.create();

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  public void open(UUID id, String country, int year, String file, String by, int total) {
    Instant now = Instant.now();
    update(
        "INSERT INTO register_import_job (id, country, year, file_name, started_by, started_at,"
            + " updated_at, state, done, total) VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', 0, ?)",
        id,
        country,
        year,
        file,
        by,
        Timestamp.from(now),
        Timestamp.from(now),
        total);
    update(
        "DELETE FROM register_import_job WHERE state <> 'RUNNING' AND updated_at < ?",
        Timestamp.from(now.minus(KEPT)));
  }

  public void progress(UUID id, int done) {
    update(
        "UPDATE register_import_job SET done = ?, updated_at = ? WHERE id = ?",
        done,
        Timestamp.from(Instant.now()),
        id);
  }

  public void done(UUID id, ImportReport report) {
    update(
        "UPDATE register_import_job SET state = 'DONE', done = total, report = ?, updated_at = ?"
            + " WHERE id = ?",
        JSON.toJson(report),
        Timestamp.from(Instant.now()),
        id);
  }

  public void failed(UUID id, String error) {
    update(
        "UPDATE register_import_job SET state = 'FAILED', error = ?, updated_at = ? WHERE id = ?",
        error,
        Timestamp.from(Instant.now()),
        id);
  }

  public Optional<Status> find(UUID id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT state, done, total, report, error, updated_at FROM register_import_job"
                    + " WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        State state = State.valueOf(rs.getString(1));
        String report = rs.getString(4);
        String error = rs.getString(5);
        boolean stalled =
            state == State.RUNNING
                && rs.getTimestamp(6).toInstant().isBefore(Instant.now().minus(STALLED));
        if (stalled) {
          state = State.FAILED;
          error = "The import stopped (its server went away) and changed nothing; start it again.";
        }
        return Optional.of(
            new Status(
                id,
                state,
                rs.getInt(2),
                rs.getInt(3),
                report == null ? null : JSON.fromJson(report, ImportReport.class),
                error));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the import job " + id, e);
    }
  }

  private void update(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the import job", e);
    }
  }
}
