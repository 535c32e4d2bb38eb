package eu.municipia.bench;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.testing.TestStack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * More associations in the database, for the cost per request as the platform grows: each with 100
 * member municipalities (with their history), 20 people and their roles, written by SQL as the
 * superuser (the app would need 1,000 Keycloak Organizations for the same rows). The demo
 * associations stay as they are; the added ones are named {@code bench-NNNN} and belong to no
 * union: under SMO ČR they would turn its dashboard (UnionDashboardBenchmark, which adds its own
 * {@code bench-union-N}) into one over 1,000 associations whenever this ran first.
 */
final class Associations {

  private static final int MEMBERS = 100;
  private static final int PEOPLE = 20;
  private static final String ADDED = " ~ '^bench-[0-9]+$'";

  private Associations() {}

  /** Adds associations until there are {@code total} in all. */
  static void ensure(int total) throws Exception {
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        Statement s = c.createStatement()) {
      int existing;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tenant")) {
        rs.next();
        existing = rs.getInt(1);
      }
      int added;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tenant WHERE id" + ADDED)) {
        rs.next();
        added = rs.getInt(1);
      }
      if (existing >= total) {
        return;
      }
      try (PreparedStatement tenants =
          c.prepareStatement(
              "INSERT INTO tenant (id, parent_id, name_cs, name_en, kind, region)"
                  + " SELECT 'bench-' || lpad(i::text, 4, '0'), NULL,"
                  + "  'Zkušební sdružení ' || i, 'Benchmark association ' || i, 'ASSOCIATION',"
                  + "  (SELECT r FROM (SELECT DISTINCT region r FROM municipality) d ORDER BY r"
                  + "   OFFSET i % 14 LIMIT 1)"
                  + " FROM generate_series(?, ?) i")) {
        tenants.setInt(1, added + 1);
        tenants.setInt(2, added + total - existing);
        tenants.executeUpdate();
      }
      s.executeUpdate(
          "INSERT INTO membership (id, tenant_id, country, code, status, since)"
              + " SELECT gen_random_uuid(), t.id, mu.country, mu.code, 'ACTIVE', DATE '2010-01-01'"
              + " FROM tenant t CROSS JOIN LATERAL (SELECT country, code FROM municipality"
              + "  ORDER BY code OFFSET abs(hashtext(t.id)) % greatest((SELECT count(*) FROM municipality) - "
              + MEMBERS
              + ", 1) LIMIT "
              + MEMBERS
              + ") mu"
              + " WHERE t.id"
              + ADDED
              + " AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.tenant_id = t.id)");
      s.executeUpdate(
          "INSERT INTO membership_event"
              + " (id, tenant_id, membership_id, at, status_from, status_to, effective,"
              + "  actor_subject)"
              + " SELECT gen_random_uuid(), m.tenant_id, m.id, now(), NULL, 'ACTIVE', m.since,"
              + "  'benchmark'"
              + " FROM membership m WHERE m.tenant_id"
              + ADDED
              + " AND NOT EXISTS"
              + " (SELECT 1 FROM membership_event e WHERE e.membership_id = m.id)");
      s.executeUpdate(
          "INSERT INTO person (id, tenant_id, issuer, subject, username, display_name, email,"
              + "  first_seen, last_seen)"
              + " SELECT gen_random_uuid(), t.id, 'https://bench.example/realms/x',"
              + "  t.id || '-' || i, t.id || '-' || i, 'Osoba ' || i, t.id || i || '@bench.example',"
              + "  now(), now()"
              + " FROM tenant t CROSS JOIN generate_series(1, "
              + PEOPLE
              + ") i WHERE t.id"
              + ADDED
              + " AND NOT EXISTS (SELECT 1 FROM person p WHERE p.tenant_id = t.id)");
      s.executeUpdate(
          "INSERT INTO role_grant (id, tenant_id, issuer, subject, role, granted_by, granted_at)"
              + " SELECT gen_random_uuid(), p.tenant_id, p.issuer, p.subject, 'MEMBER_OFFICIAL',"
              + "  'benchmark', now()"
              + " FROM person p WHERE p.tenant_id"
              + ADDED
              + " AND NOT EXISTS"
              + " (SELECT 1 FROM role_grant g WHERE g.tenant_id = p.tenant_id"
              + "  AND g.subject = p.subject)");
      s.execute("ANALYZE");
    }
  }
}
