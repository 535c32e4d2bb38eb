package eu.municipia.membership.control;

import eu.municipia.platform.entity.Page;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The association's members joined with the shared register: the directory (search without accents,
 * filters, sorting, pages) and coverage figures. Native SQL on the tenant-bound EntityManager:
 * row-level security limits the membership rows to the current association.
 */
@ApplicationScoped
@Transactional
public class MemberDirectory {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  /**
   * The latest population figure of the municipality {@code <alias>.country, <alias>.code}: one
   * backward step on the register's primary key. A DISTINCT ON over the whole population table
   * sorted all 6,258 rows of the national register on every directory request (34 of 62 ms of the
   * member list at load, measured with EXPLAIN ANALYZE); in a SELECT list, PostgreSQL evaluates it
   * only for the rows the page shows when the order does not need it.
   */
  private static String latestPopulation(String alias) {
    return "(SELECT p.population FROM municipality_population p WHERE p.country = "
        + alias
        + ".country AND p.code = "
        + alias
        + ".code ORDER BY p.year DESC LIMIT 1)";
  }

  /** A member is a municipality of the register or an organization known by its IČO. */
  private static final String MEMBER_NAME = "coalesce(mu.name, org.name)";

  private static final String MEMBER_KEY = "coalesce(mu.code, org.ico)";

  @Inject EntityManager em;
  @Inject TenantContext tenants;

  public enum Sort {
    NAME(MEMBER_NAME + ", " + MEMBER_KEY),
    POPULATION("latest_population DESC NULLS LAST, " + MEMBER_NAME),
    SINCE("m.since, " + MEMBER_NAME);

    final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }
  }

  public record Member(
      String code,
      String name,
      String district,
      Integer population,
      LocalDate since,
      LocalDate until,
      String status) {}

  /**
   * One page of members and the number of all that match, in one statement (the total is a window
   * over the matching rows); a second, count-only statement only for a page past the end, which has
   * no row to carry the total.
   */
  public Page<Member> search(
      String query, String district, List<String> statuses, Sort sort, int offset, int limit) {
    String where =
        " FROM membership m LEFT JOIN municipality mu"
            + " ON mu.country = m.country AND mu.code = m.code"
            + " LEFT JOIN member_organization org ON org.id = m.organization_id"
            + " WHERE m.status IN ("
            + placeholders(statuses.size(), 3)
            + ")"
            + " AND (CAST(?1 AS text) IS NULL"
            + "  OR unaccent(lower("
            + MEMBER_NAME
            + ")) LIKE '%' || unaccent(lower(CAST(?1 AS text))) || '%')"
            + " AND (CAST(?2 AS text) IS NULL OR mu.district = CAST(?2 AS text))";
    String like = likePattern(query);
    Query select =
        native_(
            "SELECT "
                + MEMBER_KEY
                + ", "
                + MEMBER_NAME
                + ", mu.district, "
                + latestPopulation("m")
                + " AS latest_population, m.since, m.until, m.status, count(*) OVER ()"
                + where
                + " ORDER BY "
                + sort.orderBy
                + " OFFSET "
                + offset
                + " LIMIT "
                + limit);
    bind(select, like, district, statuses);
    List<Member> members = new ArrayList<>();
    long total = 0;
    for (Object row : select.getResultList()) {
      Object[] r = (Object[]) row;
      members.add(
          new Member(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              r[3] == null ? null : ((Number) r[3]).intValue(),
              toDate(r[4]),
              toDate(r[5]),
              (String) r[6]));
      total = ((Number) r[7]).longValue();
    }
    if (members.isEmpty() && offset > 0) {
      Query count = native_("SELECT count(*)" + where);
      bind(count, like, district, statuses);
      total = ((Number) count.getSingleResult()).longValue();
    }
    return new Page<>(total, offset, limit, members);
  }

  /** Members and their population in one district; share in percent of its population. */
  public record DistrictCoverage(
      String district,
      int members,
      long coveredPopulation,
      int municipalities,
      long population,
      double share) {

    static DistrictCoverage of(
        String district, int members, long covered, int municipalities, long population) {
      return new DistrictCoverage(
          district, members, covered, municipalities, population, percent(covered, population));
    }
  }

  public record Coverage(
      String region,
      int members,
      long coveredPopulation,
      int municipalities,
      long population,
      double share,
      List<DistrictCoverage> districts,
      Optional<Member> largest,
      Optional<Member> smallest) {}

  static double percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
  }

  /**
   * Active members and their population against all municipalities of the association's region, in
   * its own country's register.
   */
  public Coverage coverage() {
    Optional<String> region = tenants.current().region();
    Query q =
        native_(
            "SELECT mu.district,"
                + " count(m.id), coalesce(sum(pop.population) FILTER (WHERE m.id IS NOT NULL), 0),"
                + " count(*), coalesce(sum(pop.population), 0)"
                + " FROM municipality mu LEFT JOIN LATERAL (SELECT "
                + latestPopulation("mu")
                + " AS population) pop ON true"
                + " LEFT JOIN membership m ON m.country = mu.country AND m.code = mu.code"
                + "  AND m.status = 'ACTIVE'"
                + " WHERE mu.country = ?2 AND (CAST(?1 AS text) IS NULL OR mu.region = CAST(?1 AS text))"
                + " GROUP BY mu.district ORDER BY mu.district");
    q.setParameter(1, region.orElse(null));
    q.setParameter(2, tenants.current().country());
    List<DistrictCoverage> districts = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      districts.add(
          DistrictCoverage.of(
              (String) r[0],
              ((Number) r[1]).intValue(),
              ((Number) r[2]).longValue(),
              ((Number) r[3]).intValue(),
              ((Number) r[4]).longValue()));
    }
    // Organizations (IČO) have no population: the largest and smallest are municipalities.
    List<Member> byPopulation =
        search(null, null, List.of("ACTIVE"), Sort.POPULATION, 0, Integer.MAX_VALUE)
            .items()
            .stream()
            .filter(m -> m.population() != null)
            .toList();
    long covered = districts.stream().mapToLong(DistrictCoverage::coveredPopulation).sum();
    long population = districts.stream().mapToLong(DistrictCoverage::population).sum();
    return new Coverage(
        region.orElse(null),
        districts.stream().mapToInt(DistrictCoverage::members).sum(),
        covered,
        districts.stream().mapToInt(DistrictCoverage::municipalities).sum(),
        population,
        percent(covered, population),
        districts,
        byPopulation.stream().findFirst(),
        byPopulation.isEmpty()
            ? Optional.empty()
            : Optional.of(byPopulation.get(byPopulation.size() - 1)));
  }

  /**
   * The districts of the association's region (every district where it covers the whole country),
   * for the directories' district filter; the same list as the coverage table's, without its sums.
   */
  @SuppressWarnings("unchecked")
  public List<String> districts() {
    Query q =
        native_(
            "SELECT DISTINCT mu.district FROM municipality mu WHERE mu.country = ?2"
                + " AND (CAST(?1 AS text) IS NULL OR mu.region = CAST(?1 AS text))"
                + " ORDER BY mu.district");
    q.setParameter(1, tenants.current().region().orElse(null));
    q.setParameter(2, tenants.current().country());
    return (List<String>) q.getResultList();
  }

  /** An active member's place on the map: its register point and latest population. */
  public record MapPoint(String code, String name, Integer population, double lat, double lon) {}

  /**
   * The active members that the register places on the map (every one with a point), largest first,
   * so that small members are drawn over large ones.
   */
  public List<MapPoint> mapPoints() {
    Query q =
        native_(
            "SELECT mu.code, mu.name, "
                + latestPopulation("m")
                + " AS latest_population, mu.lat, mu.lon"
                + " FROM membership m JOIN municipality mu"
                + "  ON mu.country = m.country AND mu.code = m.code"
                + " WHERE m.status = 'ACTIVE' AND mu.lat IS NOT NULL AND mu.lon IS NOT NULL"
                + " ORDER BY latest_population DESC NULLS LAST, mu.name, mu.code");
    List<MapPoint> points = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      points.add(
          new MapPoint(
              (String) r[0],
              (String) r[1],
              r[2] == null ? null : ((Number) r[2]).intValue(),
              ((Number) r[3]).doubleValue(),
              ((Number) r[4]).doubleValue()));
    }
    return points;
  }

  private Query native_(String sql) {
    return em.createNativeQuery(sql).setHint(NATIVE, true);
  }

  private static void bind(Query q, String like, String district, List<String> statuses) {
    q.setParameter(1, like);
    q.setParameter(2, district == null || district.isBlank() ? null : district);
    for (int i = 0; i < statuses.size(); i++) {
      q.setParameter(3 + i, statuses.get(i));
    }
  }

  private static String placeholders(int count, int first) {
    List<String> marks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      marks.add("?" + (first + i));
    }
    return String.join(", ", marks);
  }

  private static String likePattern(String query) {
    if (query == null || query.isBlank()) {
      return null;
    }
    return query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static LocalDate toDate(Object value) {
    return value == null ? null : ((java.sql.Date) value).toLocalDate();
  }
}
