package eu.municipia.union.control;

import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The union's map: every municipality of its country with the child associations it is a member of
 * today, its districts with their members, and a district's member municipalities. Public register
 * data and association slugs only, read from the database's union_map() (V102), the only
 * cross-association read of this kind; the grouping by district is the database's too.
 */
@ApplicationScoped
@Transactional
public class UnionMap {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  // The association filter: '' for all of them; slugs never hold a comma.
  private static final String FROM = " FROM union_map() WHERE (?1 = '' OR ?1 = ANY (associations))";

  @Inject EntityManager em;
  @Inject UnionFigures figures;

  /** A municipality on the map: public register data and the associations it belongs to. */
  public record Municipality(
      String code,
      String name,
      String district,
      String region,
      Integer population,
      BigDecimal lat,
      BigDecimal lon,
      List<String> associations) {}

  /**
   * A district: its municipalities, how many of them are members (of the association asked for, or
   * of any), and the people living in them.
   */
  public record District(
      String region,
      String district,
      long municipalities,
      long members,
      long population,
      long memberPopulation) {}

  /** The child associations and every municipality of the country. */
  public record Country(
      List<UnionFigures.Association> associations, List<Municipality> municipalities) {}

  /** The whole country, or the member municipalities of one association. */
  public Country country(String association) {
    String only = association(association);
    List<Municipality> rows =
        municipalities(
            "SELECT code, name, district, region, population, lat, lon,"
                + " array_to_string(associations, ',')"
                + FROM
                + " ORDER BY region, district, name, code",
            only);
    return new Country(figures.associations(), rows);
  }

  /** Every district of the country, with its members (of one association, or of any). */
  public List<District> districts(String association) {
    String only = association(association);
    Query q =
        em.createNativeQuery(
            "SELECT region, district, count(*),"
                + " count(*) FILTER (WHERE CASE WHEN ?1 = '' THEN cardinality(associations) > 0"
                + "   ELSE ?1 = ANY (associations) END),"
                + " coalesce(sum(population), 0),"
                + " coalesce(sum(population) FILTER (WHERE CASE WHEN ?1 = ''"
                + "   THEN cardinality(associations) > 0 ELSE ?1 = ANY (associations) END), 0)"
                + " FROM union_map() GROUP BY region, district ORDER BY region, district");
    q.setHint(NATIVE, true);
    q.setParameter(1, only);
    List<District> districts = new ArrayList<>();
    for (Object result : q.getResultList()) {
      Object[] r = (Object[]) result;
      districts.add(
          new District(
              (String) r[0],
              (String) r[1],
              ((Number) r[2]).longValue(),
              ((Number) r[3]).longValue(),
              ((Number) r[4]).longValue(),
              ((Number) r[5]).longValue()));
    }
    return districts;
  }

  /**
   * The member municipalities of a district (of one association, or of any), by name; an unknown
   * district has none.
   */
  public List<Municipality> members(String district, String association) {
    if (district == null || district.isBlank()) {
      throw Refusal.invalid("district", "union.map.error.district");
    }
    String only = association(association);
    Query q =
        em.createNativeQuery(
            "SELECT code, name, district, region, population, lat, lon,"
                + " array_to_string(associations, ',')"
                + FROM
                + " AND district = ?2 AND cardinality(associations) > 0"
                + " ORDER BY name, code");
    q.setHint(NATIVE, true);
    q.setParameter(1, only);
    q.setParameter(2, district.trim());
    return read(q);
  }

  private List<Municipality> municipalities(String sql, String only) {
    Query q = em.createNativeQuery(sql);
    q.setHint(NATIVE, true);
    q.setParameter(1, only);
    return read(q);
  }

  private static List<Municipality> read(Query q) {
    List<Municipality> rows = new ArrayList<>();
    for (Object result : q.getResultList()) {
      Object[] r = (Object[]) result;
      String slugs = (String) r[7];
      rows.add(
          new Municipality(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              r[4] == null ? null : ((Number) r[4]).intValue(),
              (BigDecimal) r[5],
              (BigDecimal) r[6],
              slugs == null || slugs.isEmpty() ? List.of() : Arrays.asList(slugs.split(","))));
    }
    return rows;
  }

  /** '' for all associations, or the slug of one of the union's children (else refused). */
  private String association(String slug) {
    figures.union();
    if (slug == null || slug.isBlank()) {
      return "";
    }
    String s = slug.trim();
    if (figures.associations().stream().noneMatch(a -> a.slug().equals(s))) {
      throw Refusal.invalid("association", "union.map.error.association");
    }
    return s;
  }
}
