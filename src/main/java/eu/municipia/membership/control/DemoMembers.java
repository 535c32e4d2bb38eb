package eu.municipia.membership.control;

import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.control.DemoSeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Demo data: SMOPK's members over the Plzeň region. In the three districts of the small demo
 * register (Plzeň-město, Plzeň-sever, Rokycany) the municipalities of at least 300 inhabitants and
 * Čilá (19), the smallest, as ever (tests rely on who is and is not a member there). Where the
 * register holds the whole region, {@link #MEMBERS} members in all: the others from the remaining
 * four districts, the largest towns first and then villages spread evenly over the rest by size,
 * with just as many towns that the members hold at least {@link #SHARE_PERCENT} % of the region's
 * people, as SMOPK reports of itself (190 members, 83 %). Deterministic: the same register gives
 * the same members.
 */
@ApplicationScoped
public class DemoMembers implements DemoSeed {

  static final String REGION = "Plzeňský kraj";
  static final Set<String> FIRST_DISTRICTS = Set.of("Plzeň-město", "Plzeň-sever", "Rokycany");
  static final int MEMBERS = 190;
  static final int SHARE_PERCENT = 83;

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

  /** One transaction for all the members: one association, and far quicker than one each. */
  @Override
  @Transactional
  public String seedIfEmpty() {
    List<String> any = List.of("ACTIVE", "SUSPENDED", "LEFT");
    if (directory.search(null, null, any, MemberDirectory.Sort.NAME, 0, 1).total() > 0) {
      return "has members already";
    }
    List<Register.Entry> region = register.search("CZ", null, REGION, null, 0, 10_000).items();
    List<Register.Entry> chosen = choose(region);
    for (Register.Entry m : chosen) {
      memberships.add(new MunicipalityCode("CZ", m.code()), since(m), DEMO);
    }
    return chosen.size() + " members";
  }

  /** Who is a demo member, out of the region's municipalities. */
  static List<Register.Entry> choose(List<Register.Entry> region) {
    List<Register.Entry> first = new ArrayList<>();
    List<Register.Entry> others = new ArrayList<>();
    for (Register.Entry m : region) {
      if (FIRST_DISTRICTS.contains(m.district())) {
        if (population(m) >= 300 || "Čilá".equals(m.name())) {
          first.add(m);
        }
      } else {
        others.add(m);
      }
    }
    others.sort(
        Comparator.comparingLong(DemoMembers::population)
            .reversed()
            .thenComparing(Register.Entry::code));
    int wanted = Math.min(Math.max(0, MEMBERS - first.size()), others.size());
    long regionPopulation = region.stream().mapToLong(DemoMembers::population).sum();
    List<Register.Entry> members = first;
    for (int towns = 0; towns <= wanted; towns++) {
      members = new ArrayList<>(first);
      members.addAll(others.subList(0, towns));
      members.addAll(spread(others.subList(towns, others.size()), wanted - towns));
      long covered = members.stream().mapToLong(DemoMembers::population).sum();
      if (covered * 100 >= regionPopulation * SHARE_PERCENT) {
        break;
      }
    }
    return members;
  }

  /** So many of the list, evenly spaced from its start to its end. */
  private static List<Register.Entry> spread(List<Register.Entry> list, int count) {
    List<Register.Entry> picked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      picked.add(list.get((int) ((long) i * list.size() / count)));
    }
    return picked;
  }

  /**
   * The day a member joined: the three first districts at the association's founding in 2004, the
   * others over the years since, so that the union's figures of members joined have a history.
   */
  static LocalDate since(Register.Entry m) {
    if (FIRST_DISTRICTS.contains(m.district())) {
      return LocalDate.of(2004, 3, 1);
    }
    int h = m.code().hashCode();
    return LocalDate.of(2005 + Math.floorMod(h, 20), 1 + Math.floorMod(h / 20, 12), 1);
  }

  private static long population(Register.Entry m) {
    return m.population() == null ? 0 : m.population();
  }
}
