package eu.municipia.dues.control;

import eu.municipia.dues.entity.DuesRate;
import eu.municipia.dues.entity.DuesYear;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dues of a year: each member's population, dues, what it paid and what remains, with totals;
 * and the payments recorded. Native SQL on the tenant-bound EntityManager (row-level security
 * limits memberships and payments to the current association); the rate computes the dues in Java.
 *
 * <p>The population of a year is the register's figure for that year, or else its latest figure
 * before it (the statistics office publishes each year's table some months in). A member with no
 * figure up to that year has no dues yet; the totals count it apart.
 */
@ApplicationScoped
@Transactional
public class DuesLedger {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @Inject EntityManager em;
  @Inject Dues dues;

  /** One member's dues of the year. Balance: what remains to be paid (below 0: overpaid). */
  public record MemberDues(
      String code,
      String name,
      String district,
      String status,
      Integer population,
      Integer populationYear,
      Long dues,
      BigDecimal paid,
      BigDecimal balance)
      implements Serializable {}

  /** Sums over the listed members; withoutPopulation counts members whose dues are unknown. */
  public record Totals(
      int members,
      long population,
      long dues,
      BigDecimal paid,
      BigDecimal balance,
      int withoutPopulation)
      implements Serializable {}

  public record Statement(DuesRate rate, List<MemberDues> members, Totals totals)
      implements Serializable {}

  /** A recorded payment with its municipality; cancelled ones included. */
  public record Payment(
      UUID id,
      String code,
      String name,
      int year,
      BigDecimal amount,
      LocalDate paidOn,
      String note,
      Instant recordedAt,
      String recordedBy,
      Instant cancelledAt,
      String cancelledBy,
      String cancelReason)
      implements Serializable {

    public boolean cancelled() {
      return cancelledAt != null;
    }
  }

  /**
   * Members who owe the year's dues (see {@link DuesYear#owedBy}), and any other membership with a
   * payment for the year (its dues are 0, so what it paid shows as overpaid, not lost), filtered by
   * name without accents, by name.
   */
  public Statement statement(DuesYear year, String nameQuery) {
    DuesRate rate = dues.requireRate(year);
    Query q =
        native_(
            "SELECT mu.code, mu.name, mu.district, m.status, pop.population, pop.year,"
                + " coalesce(paid.amount, 0), owes.owes"
                + " FROM membership m"
                + " JOIN municipality mu ON mu.country = m.country AND mu.code = m.code"
                + " LEFT JOIN LATERAL (SELECT p.population, p.year FROM municipality_population p"
                + "  WHERE p.country = m.country AND p.code = m.code AND p.year <= ?1"
                + "  ORDER BY p.year DESC LIMIT 1) pop ON true"
                + " LEFT JOIN (SELECT membership_id, sum(amount) AS amount FROM dues_payment"
                + "  WHERE year = ?1 AND cancelled_at IS NULL GROUP BY membership_id) paid"
                + "  ON paid.membership_id = m.id"
                + " CROSS JOIN LATERAL (SELECT m.status IN ('ACTIVE', 'SUSPENDED', 'LEFT')"
                + "  AND (m.since IS NULL OR m.since <= make_date(?1, 12, 31))"
                + "  AND (m.until IS NULL OR m.until >= make_date(?1, 1, 1)) AS owes) owes"
                + " WHERE (owes.owes OR paid.membership_id IS NOT NULL)"
                + " AND (CAST(?2 AS text) IS NULL"
                + "  OR unaccent(lower(mu.name)) LIKE '%' || unaccent(lower(CAST(?2 AS text))) || '%')"
                + " ORDER BY mu.name, mu.code");
    q.setParameter(1, year.value());
    q.setParameter(2, likePattern(nameQuery));
    List<MemberDues> members = new ArrayList<>();
    long population = 0;
    long duesTotal = 0;
    BigDecimal paidTotal = BigDecimal.ZERO;
    BigDecimal balanceTotal = BigDecimal.ZERO;
    int withoutPopulation = 0;
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      Integer people = r[4] == null ? null : ((Number) r[4]).intValue();
      BigDecimal paid = (BigDecimal) r[6];
      boolean owes = (Boolean) r[7];
      Long due = !owes ? Long.valueOf(0) : people == null ? null : rate.duesOf(people);
      BigDecimal balance = due == null ? null : BigDecimal.valueOf(due).subtract(paid);
      members.add(
          new MemberDues(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              people,
              r[5] == null ? null : ((Number) r[5]).intValue(),
              due,
              paid,
              balance));
      paidTotal = paidTotal.add(paid);
      if (due == null) {
        withoutPopulation++;
      } else {
        duesTotal += due;
        balanceTotal = balanceTotal.add(balance);
      }
      if (people != null && owes) {
        population += people;
      }
    }
    return new Statement(
        rate,
        members,
        new Totals(
            members.size(), population, duesTotal, paidTotal, balanceTotal, withoutPopulation));
  }

  private static final String PAYMENTS =
      "SELECT p.id, mu.code, mu.name, p.year, p.amount, p.paid_on, p.note, p.recorded_at,"
          + " p.recorded_by_name, p.cancelled_at, p.cancelled_by_name, p.cancel_reason"
          + " FROM dues_payment p JOIN membership m ON m.id = p.membership_id"
          + " JOIN municipality mu ON mu.country = m.country AND mu.code = m.code";

  /** The payments recorded for the year, newest first, cancelled ones included. */
  public List<Payment> payments(DuesYear year) {
    Query q = native_(PAYMENTS + " WHERE p.year = ?1 ORDER BY p.recorded_at DESC, p.id");
    q.setParameter(1, year.value());
    return payments(q);
  }

  public Optional<Payment> payment(UUID id) {
    Query q = native_(PAYMENTS + " WHERE p.id = CAST(?1 AS uuid)");
    q.setParameter(1, id.toString());
    return payments(q).stream().findFirst();
  }

  private List<Payment> payments(Query q) {
    List<Payment> payments = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      payments.add(
          new Payment(
              (UUID) r[0],
              (String) r[1],
              (String) r[2],
              ((Number) r[3]).intValue(),
              (BigDecimal) r[4],
              ((java.sql.Date) r[5]).toLocalDate(),
              (String) r[6],
              toInstant(r[7]),
              (String) r[8],
              toInstant(r[9]),
              (String) r[10],
              (String) r[11]));
    }
    return payments;
  }

  private Query native_(String sql) {
    return em.createNativeQuery(sql).setHint(NATIVE, true);
  }

  private static Instant toInstant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }

  private static String likePattern(String query) {
    if (query == null || query.isBlank()) {
      return null;
    }
    return query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
