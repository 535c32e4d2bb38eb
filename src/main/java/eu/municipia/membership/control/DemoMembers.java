package eu.municipia.membership.control;

import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.control.DemoSeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo data: SMOPK's members out of the demo register, the municipalities of at least 300
 * inhabitants and Čilá (19), the smallest.
 */
@ApplicationScoped
public class DemoMembers implements DemoSeed {

  @Inject Register register;
  @Inject Memberships memberships;
  @Inject MemberDirectory directory;

  @Override
  public String tenant() {
    return "smopk";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String seedIfEmpty() {
    List<String> any = List.of("ACTIVE", "SUSPENDED", "LEFT");
    if (directory.search(null, null, any, MemberDirectory.Sort.NAME, 0, 1).total() > 0) {
      return "has members already";
    }
    int added = 0;
    for (var m : register.search("CZ", null, null, null, 0, 500).items()) {
      if ((m.population() != null && m.population() >= 300) || "Čilá".equals(m.name())) {
        memberships.add(new MunicipalityCode("CZ", m.code()), LocalDate.of(2004, 3, 1), DEMO);
        added++;
      }
    }
    return added + " members";
  }
}
