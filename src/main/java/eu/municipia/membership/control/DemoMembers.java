package eu.municipia.membership.control;

import eu.municipia.identity.entity.Caller;
import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With demo data on, makes SMOPK's members out of the demo register once: the municipalities of at
 * least 300 inhabitants, and Čilá (19), the smallest. They go through the same use case as an
 * admin's, so the audit log shows them too.
 */
@Startup
@Singleton
@DependsOn("DemoRegister")
public class DemoMembers {

  static final String TENANT = "smopk";
  private static final Logger LOG = Logger.getLogger(DemoMembers.class.getName());
  private static final Caller DEMO =
      new Caller("demo-data", "demo-data", "demo-data", "Demo data", null, Set.of(), false);

  @Inject
  @ConfigProperty(name = "app.demo-data", defaultValue = "false")
  boolean demoData;

  @Inject Register register;
  @Inject Memberships memberships;
  @Inject MemberDirectory directory;
  @Inject TenantContext tenants;
  @Inject TenantDirectory tenantDirectory;
  @Inject RequestContextController requestContext;

  @PostConstruct
  void addIfNone() {
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
                        if (directory
                                .search(
                                    null,
                                    null,
                                    java.util.List.of("ACTIVE", "SUSPENDED", "LEFT"),
                                    MemberDirectory.Sort.NAME,
                                    0,
                                    1)
                                .total()
                            == 0) {
                          addDemoMembers();
                        }
                        return null;
                      }));
    } catch (RuntimeException e) {
      // The app works without demo members; say why they are missing.
      LOG.warning("Demo members not added: " + e);
    } finally {
      requestContext.deactivate();
    }
  }

  private void addDemoMembers() {
    var page = register.search("CZ", null, null, null, 0, 500);
    int added = 0;
    for (var m : page.items()) {
      if ((m.population() != null && m.population() >= 300) || "Čilá".equals(m.name())) {
        memberships.add(new MunicipalityCode("CZ", m.code()), LocalDate.of(2004, 3, 1), DEMO);
        added++;
      }
    }
    int count = added;
    LOG.info(() -> "Demo members of " + TENANT + ": " + count);
  }
}
