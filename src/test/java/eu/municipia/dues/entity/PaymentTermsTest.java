package eu.municipia.dues.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PaymentTermsTest {

  private static final LocalDate TODAY = LocalDate.of(2031, 5, 20);

  @Test
  void aPaymentKeepsItsAmountInCrownsAndHalerAndATrimmedNote() {
    PaymentTerms terms =
        PaymentTerms.of(new BigDecimal("1234.5"), TODAY, "  bank transfer 2031/17 ", TODAY);
    assertThat(terms.amount()).isEqualByComparingTo("1234.50");
    assertThat(terms.amount().scale()).isEqualTo(2);
    assertThat(terms.note()).isEqualTo("bank transfer 2031/17");
    assertThat(PaymentTerms.of(BigDecimal.TEN, TODAY, " ", TODAY).note()).isNull();
  }

  @Test
  void everyFieldsProblemIsNamedAtOnce() {
    assertThatThrownBy(() -> PaymentTerms.of(null, null, "x".repeat(501), TODAY))
        .isInstanceOfSatisfying(
            InvalidDuesException.class,
            e ->
                assertThat(e.errors())
                    .containsEntry("amount", "dues.error.required")
                    .containsEntry("paidOn", "dues.error.required")
                    .containsEntry("note", "dues.error.tooLong")
                    .hasSize(3));
  }

  @Test
  void anAmountIsPositiveWithAtMostTwoDecimalsAndAPaymentIsNotInTheFuture() {
    for (String bad : new String[] {"0", "-5", "10.001", "100000000.01"}) {
      assertThatThrownBy(() -> PaymentTerms.of(new BigDecimal(bad), TODAY, null, TODAY))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidDuesException.class, e -> assertThat(e.errors()).containsOnlyKeys("amount"));
    }
    assertThatThrownBy(() -> PaymentTerms.of(BigDecimal.TEN, TODAY.plusDays(1), null, TODAY))
        .isInstanceOfSatisfying(
            InvalidDuesException.class,
            e -> assertThat(e.errors()).containsEntry("paidOn", "dues.error.paidOn"));
    assertThatThrownBy(
            () -> PaymentTerms.of(BigDecimal.TEN, LocalDate.of(1999, 12, 31), null, TODAY))
        .isInstanceOf(InvalidDuesException.class);
  }
}
