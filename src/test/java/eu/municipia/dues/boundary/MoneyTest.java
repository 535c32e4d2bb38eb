package eu.municipia.dues.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

  private static final Locale CS = Locale.forLanguageTag("cs");

  @Test
  void czechAmountsGroupThousandsWithNoBreakSpaces() {
    assertThat(Money.format(1234, CS)).isEqualTo("1\u00a0234\u00a0Kč");
    assertThat(Money.format(100_000L, CS)).isEqualTo("100\u00a0000\u00a0Kč");
    assertThat(Money.format(500, CS)).isEqualTo("500\u00a0Kč");
    assertThat(Money.format(new BigDecimal("1234.50"), CS)).isEqualTo("1\u00a0234,50\u00a0Kč");
    assertThat(Money.format(new BigDecimal("500.00"), CS)).isEqualTo("500\u00a0Kč");
    assertThat(Money.format(new BigDecimal("-38.00"), CS)).isEqualTo("-38\u00a0Kč");
  }

  @Test
  void englishAmountsUseCommasAndCzk() {
    assertThat(Money.format(441_631L, Locale.ENGLISH)).isEqualTo("441,631\u00a0CZK");
    assertThat(Money.format(new BigDecimal("0.5"), Locale.ENGLISH)).isEqualTo("0.50\u00a0CZK");
  }

  @Test
  void czechInputTakesTheDecimalCommaOrPointAndSpaces() {
    assertThat(Money.parse("2,50", CS)).contains(new BigDecimal("2.50"));
    assertThat(Money.parse("2.5", CS)).contains(new BigDecimal("2.5"));
    assertThat(Money.parse(" 100 000 ", CS)).contains(new BigDecimal("100000"));
    assertThat(Money.parse("1\u00a0234,50", CS)).contains(new BigDecimal("1234.50"));
    assertThat(Money.parse("1,234.50", CS)).isEmpty();
    assertThat(Money.parse("dvě", CS)).isEmpty();
    assertThat(Money.parse("-5", CS)).isEmpty();
  }

  @Test
  void englishInputTakesCommasBetweenThousands() {
    assertThat(Money.parse("1,000", Locale.ENGLISH)).contains(new BigDecimal("1000"));
    assertThat(Money.parse("1,234.50", Locale.ENGLISH)).contains(new BigDecimal("1234.50"));
    assertThat(Money.parse("2.00", Locale.ENGLISH)).contains(new BigDecimal("2.00"));
    assertThat(Money.parse("2,5", Locale.ENGLISH)).isEmpty();
  }

  @Test
  void aFormFieldShowsAPlainNumberWithItsOwnDecimals() {
    assertThat(Money.plain(new BigDecimal("2.50"), CS)).isEqualTo("2,50");
    assertThat(Money.plain(new BigDecimal("2.00"), CS)).isEqualTo("2,00");
    assertThat(Money.plain(new BigDecimal("2.00"), Locale.ENGLISH)).isEqualTo("2.00");
    assertThat(Money.plain(new BigDecimal("100000"), CS)).isEqualTo("100000");
  }
}
