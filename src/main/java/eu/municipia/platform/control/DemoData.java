package eu.municipia.platform.control;

import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the features' demo seeds ({@link DemoSeed}) once at start-up when demo data is on, after the
 * schema and the demo register are in place. A seed that fails is logged and skipped: the app works
 * without demo data.
 */
@Startup
@Singleton
@DependsOn("DemoRegister")
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  @ConfigProperty(name = "app.demo-data", defaultValue = "false")
  boolean demoData;

  @Inject @Any Instance<DemoSeed> seeds;
  @Inject TenantContext tenants;
  @Inject TenantDirectory tenantDirectory;
  @Inject RequestContextController requestContext;

  // Without a transaction of its own: each use case a seed calls has its own, since one
  // transaction works for one association only (seeds of several associations would fail).
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void seed() {
    if (!demoData) {
      return;
    }
    seeds.stream().sorted(Comparator.comparingInt(DemoSeed::order)).forEach(this::run);
  }

  private void run(DemoSeed seed) {
    String name = seed.getClass().getSimpleName().replaceAll("\\$.*", "");
    requestContext.activate();
    try {
      tenantDirectory
          .bySlug(seed.tenant())
          .ifPresentOrElse(
              tenant -> {
                String done = tenants.runAs(tenant, seed::seedIfEmpty);
                LOG.info(() -> name + " (" + seed.tenant() + "): " + done);
              },
              () -> LOG.warning(name + ": no association " + seed.tenant()));
    } catch (RuntimeException e) {
      LOG.warning(name + " not seeded: " + e);
    } finally {
      requestContext.deactivate();
    }
  }
}
