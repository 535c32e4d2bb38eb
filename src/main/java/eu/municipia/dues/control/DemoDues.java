package eu.municipia.dues.control;

import eu.municipia.dues.entity.DuesYear;
import eu.municipia.dues.entity.RateTerms;
import eu.municipia.platform.control.DemoSeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/**
 * Demo data: SMOPK's dues rate for 2026 (2.00 CZK per inhabitant, at least 500 and at most 100,000
 * CZK), so a newcomer sees the dues pages filled.
 */
@ApplicationScoped
public class DemoDues implements DemoSeed {

  static final DuesYear YEAR = new DuesYear(2026);

  @Inject Dues dues;

  @Override
  public String tenant() {
    return "smopk";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public String seedIfEmpty() {
    if (!dues.rates().isEmpty()) {
      return "has dues rates already";
    }
    dues.setRate(YEAR, new RateTerms(new BigDecimal("2.00"), 500, 100_000), DEMO);
    return "dues rate for " + YEAR;
  }
}
