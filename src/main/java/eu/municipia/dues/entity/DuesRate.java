package eu.municipia.dues.entity;

import eu.municipia.identity.entity.Caller;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The association's dues rate of one year, and who set it last. One per year; changing it changes
 * every member's dues of that year (they are computed, not stored); the audit log keeps the
 * history.
 */
@Entity
@Table(name = "dues_rate")
@NamedQuery(name = DuesRate.OF_YEAR, query = "SELECT r FROM DuesRate r WHERE r.year = :year")
@NamedQuery(name = DuesRate.ALL, query = "SELECT r FROM DuesRate r ORDER BY r.year DESC")
public class DuesRate extends TenantOwned {

  public static final String OF_YEAR = "DuesRate.ofYear";
  public static final String ALL = "DuesRate.all";

  @Id private UUID id;

  @Column(nullable = false)
  private int year;

  @Column(name = "rate_per_inhabitant", nullable = false)
  private BigDecimal ratePerInhabitant;

  @Column(nullable = false)
  private int minimum;

  @Column(nullable = false)
  private int maximum;

  @Column(name = "set_by", nullable = false)
  private String setBy;

  @Column(name = "set_by_name")
  private String setByName;

  @Column(name = "set_at", nullable = false)
  private Instant setAt;

  protected DuesRate() {}

  public DuesRate(DuesYear year, RateTerms terms, Caller actor, Instant now) {
    this.id = UUID.randomUUID();
    this.year = Objects.requireNonNull(year, "year is required").value();
    change(terms, actor, now);
  }

  /** Sets new terms; the year stays. */
  public void change(RateTerms terms, Caller actor, Instant now) {
    Objects.requireNonNull(terms, "terms are required");
    this.ratePerInhabitant = terms.ratePerInhabitant();
    this.minimum = terms.minimum();
    this.maximum = terms.maximum();
    this.setBy = actor.subject();
    this.setByName = actor.displayName();
    this.setAt = Objects.requireNonNull(now, "now is required");
  }

  public RateTerms terms() {
    return new RateTerms(ratePerInhabitant, minimum, maximum);
  }

  /** The dues of a member of this population (see {@link RateTerms#duesOf}). */
  public long duesOf(int population) {
    return terms().duesOf(population);
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("year", year);
    state.put("ratePerInhabitant", ratePerInhabitant.toPlainString());
    state.put("minimum", minimum);
    state.put("maximum", maximum);
    return state;
  }

  public UUID id() {
    return id;
  }

  public DuesYear year() {
    return new DuesYear(year);
  }

  public BigDecimal ratePerInhabitant() {
    return ratePerInhabitant;
  }

  public int minimum() {
    return minimum;
  }

  public int maximum() {
    return maximum;
  }

  public String setByName() {
    return setByName;
  }

  public Instant setAt() {
    return setAt;
  }
}
