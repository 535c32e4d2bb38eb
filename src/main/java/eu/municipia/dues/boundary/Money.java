package eu.municipia.dues.boundary;

import eu.municipia.platform.boundary.Shell;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts of Czech crowns as people write them: "1 234 Kč" and "1 234,50 Kč" in Czech, "1,234 CZK"
 * in English (no-break spaces, so an amount never wraps), and read back from what they type.
 */
@Named
@ApplicationScoped
public class Money {

  private static final char NO_BREAK_SPACE = '\u00a0';
  private static final Pattern CZECH = Pattern.compile("\\d+([.,]\\d+)?");
  private static final Pattern ENGLISH =
      Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?");

  @Inject Shell shell;

  /** An amount in the page's language; empty for none. */
  public String format(Number amount) {
    return amount == null ? "" : format(amount, shell.getLocale());
  }

  /** A plain number with its own decimals (2.00 stays "2,00"), for a form field. */
  public String plain(BigDecimal amount) {
    return amount == null ? "" : plain(amount, shell.getLocale());
  }

  /** A rate per inhabitant, always with its two decimals: "2,00 Kč". */
  public String formatRate(BigDecimal rate) {
    return rate == null ? "" : format(rate, shell.getLocale(), true);
  }

  /** Whole crowns without decimals ("1 234 Kč"), others with two ("1 234,50 Kč"). */
  public static String format(Number amount, Locale locale) {
    BigDecimal value = new BigDecimal(amount.toString());
    return format(value, locale, value.stripTrailingZeros().scale() > 0);
  }

  private static String format(BigDecimal value, Locale locale, boolean decimals) {
    boolean czech = !"en".equals(locale.getLanguage());
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setGroupingSeparator(czech ? NO_BREAK_SPACE : ',');
    symbols.setDecimalSeparator(czech ? ',' : '.');
    DecimalFormat format = new DecimalFormat(decimals ? "#,##0.00" : "#,##0", symbols);
    return format.format(value) + NO_BREAK_SPACE + (czech ? "Kč" : "CZK");
  }

  public static String plain(BigDecimal amount, Locale locale) {
    String text = amount.toPlainString();
    return "en".equals(locale.getLanguage()) ? text : text.replace('.', ',');
  }

  /**
   * A number as a person typed it: spaces between thousands are fine; in Czech the decimal comma or
   * point, in English the decimal point and commas between thousands. Empty if it is no number.
   */
  public static Optional<BigDecimal> parse(String text, Locale locale) {
    if (text == null) {
      return Optional.empty();
    }
    String compact = text.replaceAll("[\\s\\u00a0\\u202f]", "");
    if ("en".equals(locale.getLanguage())) {
      return ENGLISH.matcher(compact).matches()
          ? Optional.of(new BigDecimal(compact.replace(",", "")))
          : Optional.empty();
    }
    return CZECH.matcher(compact).matches()
        ? Optional.of(new BigDecimal(compact.replace(',', '.')))
        : Optional.empty();
  }
}
