package eu.municipia.tenancy.control;

import eu.municipia.platform.control.ConnectionMetrics;
import eu.municipia.platform.control.DatabaseLimits;
import eu.municipia.tenancy.entity.Tenant;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * The EntityManager of one JTA transaction, bound to the current tenant twice: for EclipseLink (the
 * tenant-id property, which filters every query and fills tenant_id on insert) and for PostgreSQL
 * ({@code app.tenant_id}, which row-level security checks), with the transaction's statement and
 * lock timeouts in the same round trip. The settings are transaction-local, so a pooled connection
 * never carries one tenant, or one long limit, into another's request. Transaction-scoped beans
 * must be serializable; nothing here survives passivation, nor needs to.
 */
@TransactionScoped
class TransactionEntityManager implements Serializable {

  @PersistenceUnit(unitName = "municipia")
  transient EntityManagerFactory factory;

  @Inject transient TenantContext tenants;
  @Resource transient TransactionSynchronizationRegistry transactions;
  @Inject transient ConnectionMetrics connections;
  @Inject transient DatabaseLimits limits;

  private transient EntityManager em;
  private transient boolean holdsConnection;

  EntityManager get() {
    if (em == null) {
      em = open(tenants.current());
    }
    return em;
  }

  private EntityManager open(Tenant tenant) {
    EntityManager opened =
        factory.createEntityManager(Map.of(TenantOwned.TENANT_PROPERTY, tenant.id()));
    opened.joinTransaction();
    transactions.putResource(TenantContext.BOUND_TENANT, tenant.id());
    // Not closed here: the rest of the transaction runs on this same connection.
    Connection connection;
    try {
      connection = connections.acquire(() -> opened.unwrap(Connection.class));
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    holdsConnection = true;
    // One round trip binds the tenant and bounds the transaction's waits (DatabaseLimits).
    try (PreparedStatement set =
        connection.prepareStatement(
            "SELECT set_config('app.tenant_id', ?, true), set_config('statement_timeout', ?, true),"
                + " set_config('lock_timeout', ?, true)")) {
      set.setString(1, tenant.id());
      set.setString(2, limits.statementTimeout());
      set.setString(3, limits.lockTimeout());
      set.execute();
    } catch (SQLException e) {
      opened.close();
      throw new PersistenceException("Could not bind the connection to " + tenant.id(), e);
    }
    return opened;
  }

  @PreDestroy
  void close() {
    if (holdsConnection) {
      holdsConnection = false;
      connections.released();
    }
    if (em != null && em.isOpen()) {
      em.close();
    }
  }
}
