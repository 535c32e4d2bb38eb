package eu.municipia.membership.control;

import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.control.DemoSeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Demo data: plausible members of the demo regional associations beside SMOPK (db/demo), so that
 * the union's dashboard and map show a country. Only where the register holds their region (the
 * whole country's table); the small demo register has none of it. Each takes its region's ten
 * largest towns and a fixed share of the rest, chosen by the municipality's code (the same register
 * gives the same members), joined over the years since 2000.
 */
public abstract class DemoRegionalMembers implements DemoSeed {

  /** The ten largest towns of a region are members of its association. */
  static final int TOWNS = 10;

  @Inject Register register;
  @Inject Memberships memberships;
  @Inject MemberDirectory directory;

  private final String tenant;
  private final String region;
  private final int percent;

  DemoRegionalMembers(String tenant, String region, int percent) {
    this.tenant = tenant;
    this.region = region;
    this.percent = percent;
  }

  @Override
  public String tenant() {
    return tenant;
  }

  @Override
  public int order() {
    return 11;
  }

  @Override
  @Transactional
  public String seedIfEmpty() {
    List<String> any = List.of("ACTIVE", "SUSPENDED", "LEFT");
    if (directory.search(null, null, any, MemberDirectory.Sort.NAME, 0, 1).total() > 0) {
      return "has members already";
    }
    List<Register.Entry> chosen =
        choose(register.search("CZ", null, region, null, 0, 10_000).items(), percent);
    for (Register.Entry m : chosen) {
      int h = m.code().hashCode();
      LocalDate since = LocalDate.of(2000 + Math.floorMod(h, 26), 1 + Math.floorMod(h / 26, 12), 1);
      memberships.add(new MunicipalityCode("CZ", m.code()), since, DEMO);
    }
    return chosen.isEmpty()
        ? "no members: the register does not hold " + region
        : chosen.size() + " members in " + region;
  }

  /** The region's largest towns and about {@code percent} % of the rest, by code. */
  static List<Register.Entry> choose(List<Register.Entry> region, int percent) {
    Set<String> towns = new HashSet<>();
    region.stream()
        .sorted(
            Comparator.comparingLong(
                    (Register.Entry m) -> m.population() == null ? 0 : m.population())
                .reversed()
                .thenComparing(Register.Entry::code))
        .limit(TOWNS)
        .forEach(m -> towns.add(m.code()));
    return region.stream()
        .filter(m -> towns.contains(m.code()) || Math.floorMod(m.code().hashCode(), 100) < percent)
        .toList();
  }

  /** The South Bohemian region's association (demo). */
  @ApplicationScoped
  public static class SouthBohemia extends DemoRegionalMembers {
    public SouthBohemia() {
      super("smojck", "Jihočeský kraj", 40);
    }
  }

  /** The Karlovy Vary region's association (demo). */
  @ApplicationScoped
  public static class KarlovyVary extends DemoRegionalMembers {
    public KarlovyVary() {
      super("smokk", "Karlovarský kraj", 65);
    }
  }

  /** The Vysočina region's association (demo). */
  @ApplicationScoped
  public static class Vysocina extends DemoRegionalMembers {
    public Vysocina() {
      super("sov", "Kraj Vysočina", 35);
    }
  }
}
