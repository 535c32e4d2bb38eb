package eu.municipia.dues.control;

import eu.municipia.dues.entity.DuesYear;
import eu.municipia.dues.entity.RateTerms;
import eu.municipia.identity.entity.Caller;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With demo data on, gives SMOPK a dues rate for 2026 once (2.00 CZK per inhabitant, at least 500
 * and at most 100,000 CZK), so a newcomer sees the dues pages filled. Through the same use case as
 * an admin's, so the audit log shows it too.
 */
@Startup
@Singleton
@DependsOn("DemoMembers")
public class DemoDues {

  static final String TENANT = "smopk";
  static final DuesYear YEAR = new DuesYear(2026);
  private static final Logger LOG = Logger.getLogger(DemoDues.class.getName());
  private static final Caller DEMO =
      new Caller("demo-data", "demo-data", "demo-data", "Demo data", null, Set.of(), false);

  @Inject
  @ConfigProperty(name = "app.demo-data", defaultValue = "false")
  boolean demoData;

  @Inject Dues dues;
  @Inject TenantContext tenants;
  @Inject TenantDirectory tenantDirectory;
  @Inject RequestContextController requestContext;

  @PostConstruct
  void setIfNone() {
    if (!demoData) {
      return;
    }
    requestContext.activate();
    try {
      tenantDirectory
          .bySlug(TENANT)
          .ifPresent(
              smopk ->
                  tenants.runAs(
                      smopk,
                      () -> {
                        if (dues.rates().isEmpty()) {
                          dues.setRate(
                              YEAR, new RateTerms(new BigDecimal("2.00"), 500, 100_000), DEMO);
                          LOG.info(() -> "Demo dues rate of " + TENANT + " for " + YEAR);
                        }
                        return null;
                      }));
    } catch (RuntimeException e) {
      // The app works without a demo rate; say why it is missing.
      LOG.warning("Demo dues rate not set: " + e);
    } finally {
      requestContext.deactivate();
    }
  }
}
