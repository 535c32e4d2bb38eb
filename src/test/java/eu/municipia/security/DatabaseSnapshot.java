package eu.municipia.security;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.testing.TestStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A checksum of every row of every application table, read as the database superuser (which row-
 * level security does not bind, so every association's rows count): two equal snapshots mean
 * nothing was written in between. The outbox counts by its ids only, because its worker updates
 * earlier messages' delivery columns at any time.
 */
record DatabaseSnapshot(Map<String, String> checksums) {

  private static final Set<String> IGNORED = Set.of("flyway_schema_history");
  private static final Set<String> BY_ID_ONLY = Set.of("outbox_message");

  static DatabaseSnapshot take() {
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      Map<String, String> checksums = new TreeMap<>();
      for (String table : tables) {
        if (IGNORED.contains(table)) {
          continue;
        }
        String row = BY_ID_ONLY.contains(table) ? "t.id::text" : "t::text";
        try (ResultSet r =
            s.executeQuery(
                "SELECT count(*) || ':' || md5(coalesce(string_agg(md5("
                    + row
                    + "), ',' ORDER BY md5("
                    + row
                    + ")), '')) FROM \""
                    + table
                    + "\" t")) {
          r.next();
          checksums.put(table, r.getString(1));
        }
      }
      return new DatabaseSnapshot(checksums);
    } catch (SQLException e) {
      throw new IllegalStateException("The database snapshot failed", e);
    }
  }

  /** The tables whose rows differ between this snapshot and a later one. */
  List<String> changedIn(DatabaseSnapshot later) {
    List<String> changed = new ArrayList<>();
    checksums.forEach(
        (table, sum) -> {
          if (!sum.equals(later.checksums.get(table))) {
            changed.add(table + " (" + sum + " -> " + later.checksums.get(table) + ")");
          }
        });
    later.checksums.keySet().stream()
        .filter(t -> !checksums.containsKey(t))
        .forEach(t -> changed.add(t + " (new table)"));
    return changed;
  }
}
