package eu.municipia.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Person;
import eu.municipia.tenancy.control.NoTenantException;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.entity.Tenant;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.StartTestStack;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs inside Payara, through the application's own EntityManager producer: tenant A's rows are
 * invisible to and unwritable by tenant B by every path (find, JPQL, criteria, bulk update and
 * delete, merge, native SQL), and no tenant means an error, never all rows. Each test makes two
 * fresh associations of its own.
 */
@MunicipiaIT
class TenantIsolationIT {

  private static final String NATIVE_HINT = "eclipselink.jdbc.allow-native-sql-query";

  @Deployment
  static WebArchive deployment() {
    return Deployments.war()
        .addClasses(
            MunicipiaIT.class, StartTestStack.class, eu.municipia.testing.AppDeployment.class);
  }

  @Inject TenantContext tenants;
  @Inject TenantDirectory directory;
  @Inject EntityManager em;
  @Inject UserTransaction tx;

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource appPool;

  Tenant a;
  Tenant b;

  @BeforeEach
  void twoFreshAssociations() throws SQLException {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    a = createTenant("iso-a-" + suffix);
    b = createTenant("iso-b-" + suffix);
  }

  @Test
  void findByIdSeesOnlyTheOwnTenantsRow() throws Exception {
    Person mine = inTenant(a, () -> persistPerson("find"));

    assertNull(inTenant(b, () -> em.find(Person.class, mine.id())));
    assertNotNull(inTenant(a, () -> em.find(Person.class, mine.id())));
  }

  @Test
  void jpqlAndCriteriaQueriesSeeOnlyTheOwnTenantsRows() throws Exception {
    Person mine = inTenant(a, () -> persistPerson("query"));
    inTenant(b, () -> persistPerson("other"));

    List<Person> jpql =
        inTenant(b, () -> em.createQuery("SELECT p FROM Person p", Person.class).getResultList());
    List<Person> criteria =
        inTenant(
            b,
            () -> {
              CriteriaBuilder cb = em.getCriteriaBuilder();
              CriteriaQuery<Person> q = cb.createQuery(Person.class);
              Root<Person> p = q.from(Person.class);
              q.select(p).where(cb.equal(p.get("id"), mine.id()));
              return em.createQuery(q).getResultList();
            });

    assertEquals(1, jpql.size(), "B sees exactly its own person");
    assertFalse(jpql.stream().anyMatch(p -> p.id().equals(mine.id())));
    assertTrue(criteria.isEmpty(), "B's criteria query by A's id finds nothing");
  }

  @Test
  void bulkUpdateAndDeleteCannotReachAnotherTenantsRows() throws Exception {
    Person mine = inTenant(a, () -> persistPerson("bulk"));

    int updated =
        inTenant(
            b,
            () -> em.createQuery("UPDATE Person p SET p.displayName = 'hijacked'").executeUpdate());
    int deleted = inTenant(b, () -> em.createQuery("DELETE FROM Person p").executeUpdate());

    assertEquals(0, updated);
    assertEquals(0, deleted);
    Person after = inTenant(a, () -> em.find(Person.class, mine.id()));
    assertEquals("bulk person", after.displayName());
  }

  @Test
  void mergingAnotherTenantsEntityDoesNotChangeIt() throws Exception {
    Person mine = inTenant(a, () -> persistPerson("merge"));
    mine.seen(caller("renamed"), Instant.now());

    assertThrows(Exception.class, () -> inTenant(b, () -> em.merge(mine)));
    assertEquals("merge person", inTenant(a, () -> em.find(Person.class, mine.id())).displayName());
  }

  @Test
  void nativeSqlIsFilteredByRowLevelSecurity() throws Exception {
    Person mine = inTenant(a, () -> persistPerson("native"));

    Object seen =
        inTenant(
            b,
            () ->
                em.createNativeQuery("SELECT count(*) FROM person WHERE id = ?")
                    .setParameter(1, mine.id())
                    .setHint(NATIVE_HINT, true)
                    .getSingleResult());
    int updated =
        inTenant(
            b,
            () ->
                em.createNativeQuery("UPDATE person SET display_name = 'hijacked' WHERE id = ?")
                    .setParameter(1, mine.id())
                    .setHint(NATIVE_HINT, true)
                    .executeUpdate());

    assertEquals(0L, ((Number) seen).longValue());
    assertEquals(0, updated);
    assertEquals(
        "native person", inTenant(a, () -> em.find(Person.class, mine.id())).displayName());
  }

  @Test
  void nativeSqlCannotWriteARowIntoAnotherTenant() {
    PersistenceException refused =
        assertThrows(
            PersistenceException.class,
            () ->
                inTenant(
                    b,
                    () ->
                        em.createNativeQuery(
                                "INSERT INTO person (id, tenant_id, issuer, subject, first_seen,"
                                    + " last_seen) VALUES (?, ?, 'x', 'y', now(), now())")
                            .setParameter(1, UUID.randomUUID())
                            .setParameter(2, a.id())
                            .setHint(NATIVE_HINT, true)
                            .executeUpdate()));
    assertTrue(
        String.valueOf(rootCause(refused).getMessage()).contains("row-level security"),
        "refused by the policy: " + rootCause(refused).getMessage());
  }

  @Test
  void withoutATenantTenantDataCannotBeTouched() throws Exception {
    tx.begin();
    try {
      assertThrows(NoTenantException.class, () -> em.find(Person.class, UUID.randomUUID()));
    } finally {
      tx.rollback();
    }
  }

  @Test
  void outsideATransactionTheEntityManagerRefusesToWork() {
    assertThrows(
        ContextNotActiveException.class,
        () -> tenants.runAs(a, () -> em.find(Person.class, UUID.randomUUID())));
  }

  @Test
  void theConnectionCarriesNoTenantAfterTheTransaction() throws Exception {
    inTenant(a, () -> persistPerson("pooled"));

    // Straight from the pool, outside any tenant transaction: RLS shows nothing of anybody.
    try (Connection c = appPool.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM person");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertEquals(0, rs.getLong(1));
    }
  }

  @Test
  void theIsolationFunctionProtectsATenantTableAndOnlyMigrationsMayCallIt() throws SQLException {
    String table = "rls_probe_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection app = appPool.getConnection();
        PreparedStatement call = app.prepareStatement("SELECT isolate_tenant_table('tenant')")) {
      SQLException refused = assertThrows(SQLException.class, call::execute);
      assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
    }
    String url = System.getenv("DB_URL");
    try (Connection owner =
            java.sql.DriverManager.getConnection(url, "municipia_owner", "municipia_owner");
        java.sql.Statement sql = owner.createStatement()) {
      sql.execute("CREATE TABLE " + table + "_plain (id int)");
      SQLException noTenant =
          assertThrows(
              SQLException.class,
              () -> sql.execute("SELECT isolate_tenant_table('" + table + "_plain')"));
      assertTrue(noTenant.getMessage().contains("no NOT NULL tenant_id"), noTenant.getMessage());
      sql.execute(
          "CREATE TABLE " + table + " (id int, tenant_id text NOT NULL CHECK (tenant_id <> ''))");
      sql.execute("SELECT isolate_tenant_table('" + table + "')");
      try (ResultSet rs =
          sql.executeQuery(
              "SELECT relrowsecurity, relforcerowsecurity,"
                  + " (SELECT count(*) FROM pg_policy WHERE polrelid = c.oid)"
                  + " FROM pg_class c WHERE relname = '"
                  + table
                  + "'")) {
        assertTrue(rs.next());
        assertTrue(rs.getBoolean(1) && rs.getBoolean(2), "enabled and forced");
        assertEquals(1, rs.getLong(3));
      }
    } finally {
      try (Connection owner =
              java.sql.DriverManager.getConnection(url, "municipia_owner", "municipia_owner");
          java.sql.Statement sql = owner.createStatement()) {
        sql.execute("DROP TABLE IF EXISTS " + table + ", " + table + "_plain");
      }
    }
  }

  @Test
  void everyTenantTableHasForcedRowLevelSecurityAndTheAppRoleCannotBypassIt() throws SQLException {
    try (Connection c = appPool.getConnection()) {
      List<String> unprotected = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
                      + " (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)"
                      + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                      + " WHERE n.nspname = 'public' AND c.relkind = 'r' AND EXISTS ("
                      + "  SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid"
                      + "  AND a.attname = 'tenant_id' AND NOT a.attisdropped)");
          ResultSet rs = ps.executeQuery()) {
        int tables = 0;
        while (rs.next()) {
          tables++;
          if (!rs.getBoolean(2) || !rs.getBoolean(3) || rs.getLong(4) == 0) {
            unprotected.add(rs.getString(1));
          }
        }
        assertTrue(tables >= 3, "found the tenant tables");
      }
      assertEquals(List.of(), unprotected, "tables with tenant_id lacking forced RLS");

      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.rolsuper, r.rolbypassrls,"
                      + " (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)"
                      + " FROM pg_roles r WHERE r.rolname = current_user");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertFalse(rs.getBoolean(1), "the app role is not a superuser");
        assertFalse(rs.getBoolean(2), "the app role cannot bypass RLS");
        assertEquals(0, rs.getLong(3), "the app role owns no table");
      }
    }
  }

  @Test
  void tenantTablesKeyUniqueAndForeignConstraintsByTenant() throws SQLException {
    try (Connection c = appPool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT conrelid::regclass::text, conname FROM pg_constraint con"
                    + " WHERE con.contype IN ('u', 'f') AND con.connamespace = 'public'::regnamespace"
                    + " AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.conrelid"
                    + "  AND a.attname = 'tenant_id')"
                    + " AND NOT (SELECT attnum FROM pg_attribute WHERE attrelid = con.conrelid"
                    + "  AND attname = 'tenant_id') = ANY (con.conkey)"
                    // A foreign key into shared reference data (the register) has no tenant.
                    + " AND NOT (con.contype = 'f' AND NOT EXISTS (SELECT 1 FROM pg_attribute r"
                    + "  WHERE r.attrelid = con.confrelid AND r.attname = 'tenant_id'))");
        ResultSet rs = ps.executeQuery()) {
      List<String> unscoped = new ArrayList<>();
      while (rs.next()) {
        unscoped.add(rs.getString(1) + "." + rs.getString(2));
      }
      assertEquals(List.of(), unscoped, "unique/foreign keys of tenant tables without tenant_id");
    }
  }

  private Person persistPerson(String name) {
    Person p = new Person(caller(name), Instant.now());
    em.persist(p);
    return p;
  }

  private static Caller caller(String name) {
    return new Caller(
        "https://issuer.test",
        UUID.randomUUID().toString(),
        name,
        name + " person",
        null,
        Set.of(),
        false);
  }

  /** One transaction of work for one tenant, committed, or rolled back when it throws. */
  private <T> T inTenant(Tenant tenant, Callable<T> work) throws Exception {
    return tenants.runAs(
        tenant,
        () -> {
          try {
            tx.begin();
            T result = work.call();
            tx.commit();
            return result;
          } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
          } catch (Exception e) {
            rollbackQuietly();
            throw new IllegalStateException(e);
          }
        });
  }

  private void rollbackQuietly() {
    try {
      if (tx.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
    } catch (Exception ignored) {
      // The transaction is gone already.
    }
  }

  private Tenant createTenant(String slug) throws SQLException {
    var config = ConfigProvider.getConfig();
    try (Connection c =
            DriverManager.getConnection(
                config.getValue("db.url", String.class),
                config.getValue("db.owner.user", String.class),
                config.getValue("db.owner.password", String.class));
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO tenant (id, name_cs, name_en, kind) VALUES (?, ?, ?, 'ASSOCIATION')")) {
      ps.setString(1, slug);
      ps.setString(2, "Test " + slug);
      ps.setString(3, "Test " + slug);
      ps.executeUpdate();
    }
    directory.refresh();
    return directory.bySlug(slug).orElseThrow();
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
