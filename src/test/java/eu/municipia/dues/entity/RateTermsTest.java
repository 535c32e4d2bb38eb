package eu.municipia.dues.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RateTermsTest {

  private static final int CILA = 19;
  private static final int PLZEN = 187_928;

  private static RateTerms rate(String perInhabitant, int minimum, int maximum) {
    return new RateTerms(new BigDecimal(perInhabitant), minimum, maximum);
  }

  @Test
  void duesArePopulationTimesRateRoundedToWholeCrowns() {
    RateTerms terms = rate("2.35", 0, 1_000_000);
    assertThat(terms.duesOf(CILA)).as("19 × 2.35 = 44.65").isEqualTo(45);
    assertThat(terms.duesOf(PLZEN)).as("187,928 × 2.35 = 441,630.80").isEqualTo(441_631);
    assertThat(terms.duesOf(0)).isZero();
  }

  @Test
  void halfACrownIsRoundedUp() {
    assertThat(rate("0.50", 0, 1_000).duesOf(CILA)).as("9.50").isEqualTo(10);
    assertThat(rate("1.50", 0, 1_000).duesOf(3)).as("4.50").isEqualTo(5);
    assertThat(rate("0.25", 0, 1_000).duesOf(CILA)).as("4.75").isEqualTo(5);
    assertThat(rate("0.01", 0, 1_000).duesOf(49)).as("0.49").isZero();
  }

  @Test
  void theMinimumRaisesSmallDuesAndTheMaximumCapsLargeOnes() {
    RateTerms demo = rate("2.00", 500, 100_000);
    assertThat(demo.duesOf(CILA)).as("38 is raised to the minimum").isEqualTo(500);
    assertThat(demo.duesOf(PLZEN)).as("375,856 is capped at the maximum").isEqualTo(100_000);
    assertThat(demo.duesOf(1_121)).as("Kyšice: 2,242 lies between").isEqualTo(2_242);
    assertThat(demo.duesOf(250)).as("exactly the minimum").isEqualTo(500);
    assertThat(demo.duesOf(50_000)).as("exactly the maximum").isEqualTo(100_000);
  }

  @Test
  void aFixedAmountIsAMinimumEqualToTheMaximum() {
    RateTerms fixed = rate("1.00", 1_000, 1_000);
    assertThat(fixed.duesOf(CILA)).isEqualTo(1_000);
    assertThat(fixed.duesOf(PLZEN)).isEqualTo(1_000);
  }

  @Test
  void theRateKeepsTwoDecimals() {
    assertThat(rate("2", 0, 10).ratePerInhabitant()).isEqualByComparingTo("2.00");
    assertThat(rate("2", 0, 10).ratePerInhabitant().scale()).isEqualTo(2);
  }

  @Test
  void everyFieldsProblemIsNamedAtOnce() {
    assertThatThrownBy(() -> RateTerms.of(null, null, new BigDecimal("-1")))
        .isInstanceOfSatisfying(
            InvalidDuesException.class,
            e ->
                assertThat(e.errors())
                    .containsEntry("ratePerInhabitant", "dues.error.required")
                    .containsEntry("minimum", "dues.error.required")
                    .containsEntry("maximum", "dues.error.wholeCrowns")
                    .hasSize(3));
  }

  @Test
  void theRateIsPositiveWithAtMostTwoDecimalsAndNotAbsurd() {
    for (String bad : new String[] {"0", "-1.00", "2.345", "1000.01"}) {
      assertThatThrownBy(() -> RateTerms.of(new BigDecimal(bad), BigDecimal.ZERO, BigDecimal.TEN))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidDuesException.class,
              e -> assertThat(e.errors()).containsOnlyKeys("ratePerInhabitant"));
    }
    assertThat(
            RateTerms.of(new BigDecimal("2.500"), BigDecimal.ZERO, BigDecimal.TEN)
                .ratePerInhabitant())
        .isEqualByComparingTo("2.50");
    assertThat(RateTerms.of(new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.TEN).minimum())
        .isZero();
  }

  @Test
  void minimumAndMaximumAreWholeCrownsAndInOrder() {
    assertThatThrownBy(
            () -> RateTerms.of(BigDecimal.ONE, new BigDecimal("500.50"), new BigDecimal("600")))
        .isInstanceOfSatisfying(
            InvalidDuesException.class,
            e ->
                assertThat(e.errors())
                    .containsExactlyEntriesOf(
                        java.util.Map.of("minimum", "dues.error.wholeCrowns")));
    assertThatThrownBy(
            () -> RateTerms.of(BigDecimal.ONE, new BigDecimal("600"), new BigDecimal("500")))
        .isInstanceOfSatisfying(
            InvalidDuesException.class,
            e -> assertThat(e.errors()).containsEntry("maximum", "dues.error.maximumBelowMinimum"));
    assertThatThrownBy(() -> rate("1.00", 0, RateTerms.HIGHEST_AMOUNT + 1))
        .isInstanceOf(InvalidDuesException.class);
    assertThat(
            RateTerms.of(BigDecimal.ONE, new BigDecimal("500.00"), new BigDecimal("5E+2"))
                .maximum())
        .isEqualTo(500);
  }
}
