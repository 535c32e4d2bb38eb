package eu.municipia.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Which associations have background work due: one question to the database per poll, so that a job
 * works only in those instead of opening a transaction in every association on every poll
 * (V113__due_work.sql says why and how the functions may read across associations). Asked through
 * the plain data source, with no association bound: the functions answer slugs and counts only.
 */
@ApplicationScoped
public class DueWork {

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  /** How much mail waits in all associations, and the oldest's creation (null: none). */
  public record Waiting(long count, Instant oldest) {}

  /** The associations with mail due at {@code now}. */
  public Set<String> outbox(Instant now) {
    return slugs("SELECT outbox_due_tenants(?)", now, null);
  }

  /** The associations with an article scheduled for {@code now} or earlier. */
  public Set<String> scheduledArticles(Instant now) {
    return slugs("SELECT magazine_due_tenants(?)", now, null);
  }

  /**
   * The associations with a seminar offer past its time at {@code now}, or an event that starts
   * within {@code reminderHours}.
   */
  public Set<String> seminars(Instant now, int reminderHours) {
    return slugs("SELECT seminar_due_tenants(?, ?)", now, reminderHours);
  }

  public Waiting outboxWaiting() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT waiting, oldest FROM outbox_waiting()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      Timestamp oldest = rs.getTimestamp(2);
      return new Waiting(rs.getLong(1), oldest == null ? null : oldest.toInstant());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the waiting mail", e);
    }
  }

  private Set<String> slugs(String sql, Instant now, Integer hours) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(now));
      if (hours != null) {
        ps.setInt(2, hours);
      }
      Set<String> due = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          due.add(rs.getString(1));
        }
      }
      return due;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not ask which associations have work due", e);
    }
  }
}
