package eu.municipia.dues.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an association charges its members in a year: a rate in CZK per inhabitant (at most two
 * decimals), and a minimum and a maximum in whole CZK. It decides the dues of a population.
 */
public record RateTerms(BigDecimal ratePerInhabitant, int minimum, int maximum)
    implements Serializable {

  /** A bound that catches a typo (200 instead of 2.00) and still leaves room for any real rate. */
  public static final BigDecimal HIGHEST_RATE = new BigDecimal("1000");

  public static final int HIGHEST_AMOUNT = 100_000_000;

  public RateTerms {
    Map<String, String> errors =
        problems(ratePerInhabitant, BigDecimal.valueOf(minimum), BigDecimal.valueOf(maximum));
    if (!errors.isEmpty()) {
      throw new InvalidDuesException(errors);
    }
    ratePerInhabitant = ratePerInhabitant.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** From what a person or a program entered: every field's problem at once. */
  public static RateTerms of(BigDecimal ratePerInhabitant, BigDecimal minimum, BigDecimal maximum) {
    Map<String, String> errors = problems(ratePerInhabitant, minimum, maximum);
    if (!errors.isEmpty()) {
      throw new InvalidDuesException(errors);
    }
    return new RateTerms(ratePerInhabitant, minimum.intValueExact(), maximum.intValueExact());
  }

  /**
   * The dues of a municipality of this population: population × rate, rounded to whole crowns (half
   * up), then raised to the minimum or lowered to the maximum.
   */
  public long duesOf(int population) {
    if (population < 0) {
      throw new IllegalArgumentException("A population is 0 or more: " + population);
    }
    long product =
        ratePerInhabitant
            .multiply(BigDecimal.valueOf(population))
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact();
    return Math.max(minimum, Math.min(maximum, product));
  }

  private static Map<String, String> problems(
      BigDecimal rate, BigDecimal minimum, BigDecimal maximum) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (rate == null) {
      errors.put("ratePerInhabitant", "dues.error.required");
    } else if (rate.signum() <= 0
        || rate.compareTo(HIGHEST_RATE) > 0
        || rate.stripTrailingZeros().scale() > 2) {
      errors.put("ratePerInhabitant", "dues.error.rate");
    }
    boolean minimumValid = wholeCrowns("minimum", minimum, errors);
    boolean maximumValid = wholeCrowns("maximum", maximum, errors);
    if (minimumValid && maximumValid && minimum.compareTo(maximum) > 0) {
      errors.put("maximum", "dues.error.maximumBelowMinimum");
    }
    return errors;
  }

  private static boolean wholeCrowns(String field, BigDecimal value, Map<String, String> errors) {
    if (value == null) {
      errors.put(field, "dues.error.required");
      return false;
    }
    if (value.signum() < 0
        || value.compareTo(BigDecimal.valueOf(HIGHEST_AMOUNT)) > 0
        || value.stripTrailingZeros().scale() > 0) {
      errors.put(field, "dues.error.wholeCrowns");
      return false;
    }
    return true;
  }
}
