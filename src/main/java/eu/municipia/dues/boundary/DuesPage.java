package eu.municipia.dues.boundary;

import eu.municipia.dues.control.Dues;
import eu.municipia.dues.control.DuesLedger;
import eu.municipia.dues.entity.DuesRate;
import eu.municipia.dues.entity.DuesYear;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The members' dues page (/{tenant}/members/dues?year=&amp;q=): every member's dues of a year, what
 * it paid and what remains, filtered by name without accents, with totals. A GET form, so every
 * view is a link.
 */
@Named
@RequestScoped
public class DuesPage {

  @Inject Dues dues;
  @Inject DuesLedger ledger;
  @Inject HttpServletRequest request;

  private Integer year;
  private List<DuesRate> rates;
  private DuesLedger.Statement statement;
  private boolean loaded;

  public int getYear() {
    if (year == null) {
      year = DuesPages.year(dues);
    }
    return year;
  }

  public String getQuery() {
    String q = request.getParameter("q");
    return q == null ? "" : q.trim();
  }

  /** The years the association has set a rate for, newest first. */
  public List<DuesRate> getRates() {
    if (rates == null) {
      rates = dues.rates();
    }
    return rates;
  }

  /** The year's dues, or null where the association has not set its rate yet. */
  public DuesLedger.Statement getStatement() {
    if (!loaded) {
      DuesYear duesYear = new DuesYear(getYear());
      boolean rated = getRates().stream().anyMatch(r -> r.year().equals(duesYear));
      statement = rated ? ledger.statement(duesYear, getQuery()) : null;
      loaded = true;
    }
    return statement;
  }

  /** The year list also offers the year shown, even without a rate. */
  public boolean isYearListed() {
    return getRates().stream().anyMatch(r -> r.year().value() == getYear());
  }
}
