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
 * the page's polls (on any replica) while the import's own transaction is still open. Only the end
 * of a job is written in the import's transaction, so "done" commits with the import or not at all.
 * While the import's transaction lives it holds an advisory lock named after its job: a job that is
 * "running" but whose lock anyone can take has lost its server (killed, crashed) and PostgreSQL has
 * rolled its import back; the next poll says so, seconds later instead of after a long silence.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ImportJobLedger {

  /**
   * A job younger than this may still wait for its thread (and so hold no lock yet): it is not
   * judged by its lock before.
   */
  static final Duration GRACE = Duration.ofSeconds(15);

  /** The first half of the advisory lock's key: "register import"; the second is the job's id. */
  private static final int LOCK_CLASS = 0x52494d50;

  private static final String GONE =
      "The import stopped (its server went away) and changed nothing; start it again.";

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
        // Reports may arrive out of order (they are sent from other threads).
        "UPDATE register_import_job SET done = greatest(done, ?), updated_at = ? WHERE id = ?"
            + " AND state = 'RUNNING'",
        done,
        Timestamp.from(Instant.now()),
        id);
  }

  /** Holds the job's lock for the rest of the import's transaction (on its connection). */
  static void running(Connection importTransaction, UUID id) throws SQLException {
    try (PreparedStatement ps =
        importTransaction.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      ps.setInt(1, LOCK_CLASS);
      ps.setString(2, id.toString());
      ps.execute();
    }
  }

  /** Marks the job done in the import's own transaction: it commits with the import. */
  static void done(Connection importTransaction, UUID id, ImportReport report) throws SQLException {
    try (PreparedStatement ps =
        importTransaction.prepareStatement(
            "UPDATE register_import_job SET state = 'DONE', done = total, report = ?,"
                + " updated_at = ? WHERE id = ?")) {
      ps.setString(1, JSON.toJson(report));
      ps.setTimestamp(2, Timestamp.from(Instant.now()));
      ps.setObject(3, id);
      ps.executeUpdate();
    }
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
        if (state == State.RUNNING
            && rs.getTimestamp(6).toInstant().isBefore(Instant.now().minus(GRACE))
            && lost(c, id)) {
          if (!markLost(c, id)) {
            // It ended (and wrote its end) between the read and the lock: read it again.
            return find(id);
          }
          state = State.FAILED;
          error = GONE;
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

  /**
   * Whether no transaction holds the job's lock: then its import is over without having written its
   * end, so it was rolled back. Taking the lock for a moment is the test (it ends with this
   * transaction).
   */
  private static boolean lost(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
      ps.setInt(1, LOCK_CLASS);
      ps.setString(2, id.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static boolean markLost(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE register_import_job SET state = 'FAILED', error = ?, updated_at = now()"
                + " WHERE id = ? AND state = 'RUNNING'")) {
      ps.setString(1, GONE);
      ps.setObject(2, id);
      return ps.executeUpdate() == 1;
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
