package eu.municipia.tenancy.entity;

import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Every entity that belongs to one association extends this class. EclipseLink then adds {@code
 * tenant_id = ?} to every query and sets the column on insert, from the EntityManager property that
 * {@code TenantEntityManagerProducer} sets; PostgreSQL row-level security checks the same column
 * again. An ArchUnit test fails the build for an entity in a tenant table that does not extend this
 * class.
 *
 * <p>Serializable, because view-scoped pages keep detached entities in the web session, which the
 * replicas share through Payara's Hazelcast data grid.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantOwned.TENANT_PROPERTY)
public abstract class TenantOwned implements Serializable {

  public static final String TENANT_PROPERTY = "eclipselink.tenant-id";
}
