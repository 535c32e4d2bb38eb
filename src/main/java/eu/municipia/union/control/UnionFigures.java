package eu.municipia.union.control;

import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.entity.Tenant;
import eu.municipia.union.entity.YearRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The union's figures, read from the database's union functions through the tenant-bound
 * EntityManager: the transaction's tenant is the union, and the functions take it from there. Java
 * only labels the columns; every count and sum is the database's.
 */
@ApplicationScoped
@Transactional
public class UnionFigures {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  /** How many years a table covers when the caller names none. */
  public static final int DEFAULT_YEARS = 5;

  @Inject EntityManager em;
  @Inject TenantContext tenants;
  @Inject TenantDirectory directory;
  @Inject Clock clock;

  /** A child association of the union. */
  public record Association(String slug, String nameCs, String nameEn, String region) {}

  /**
   * One row: the association's slug (null: the total over all of them), the year, and the figures
   * by name in the table's order (null where the data does not allow the figure). The association
   * is written as null in JSON, not left out.
   */
  @JsonbNillable
  public record Row(String association, int year, Map<String, Number> figures) {
    public boolean total() {
      return association == null;
    }
  }

  public record Table(String table, int from, int to, List<String> figures, List<Row> rows) {}

  /** The current tenant, which must be a union: any other association has no union view. */
  public Tenant union() {
    Tenant tenant = tenants.current();
    if (tenant.kind() != Tenant.Kind.UNION) {
      throw new Refusal(Refusal.Kind.NOT_FOUND, "This association is no union.", Map.of());
    }
    return tenant;
  }

  public List<Association> associations() {
    Tenant union = union();
    return directory.all().stream()
        .filter(t -> t.parent().map(p -> p.value().equals(union.id())).orElse(false))
        .map(t -> new Association(t.id(), t.nameCs(), t.nameEn(), t.region().orElse(null)))
        .toList();
  }

  /** The years a table covers when the caller names none: the last five up to this one. */
  public YearRange defaultYears() {
    return YearRange.upTo(LocalDate.now(clock).getYear(), DEFAULT_YEARS);
  }

  public Table table(UnionTable table, YearRange asked) {
    union();
    YearRange years = asked.or(defaultYears());
    years.requireValid();
    Query q = em.createNativeQuery(table.query());
    q.setHint(NATIVE, true);
    q.setParameter(1, years.first());
    q.setParameter(2, years.last());
    List<Row> rows = new ArrayList<>();
    for (Object result : q.getResultList()) {
      Object[] r = (Object[]) result;
      Map<String, Number> figures = new LinkedHashMap<>();
      for (int i = 0; i < table.figures().size(); i++) {
        figures.put(table.figures().get(i), number(r[i + 2]));
      }
      rows.add(new Row((String) r[0], ((Number) r[1]).intValue(), figures));
    }
    return new Table(table.id(), years.first(), years.last(), table.figures(), rows);
  }

  /** Whole numbers as long, the others (sums of money, shares) as they are. */
  private static Number number(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : d;
    }
    return ((Number) value).longValue();
  }
}
