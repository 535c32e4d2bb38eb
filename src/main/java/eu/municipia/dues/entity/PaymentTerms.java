package eu.municipia.dues.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A payment as the admin records it: how much (CZK, at most two decimals), when, and a note. */
public record PaymentTerms(BigDecimal amount, LocalDate paidOn, String note)
    implements Serializable {

  public static final int NOTE_LENGTH = 500;
  private static final LocalDate EARLIEST = LocalDate.of(DuesYear.FIRST, 1, 1);

  public PaymentTerms {
    Map<String, String> errors = problems(amount, paidOn, note, LocalDate.MAX);
    if (!errors.isEmpty()) {
      throw new InvalidDuesException(errors);
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    note = note == null || note.isBlank() ? null : note.trim();
  }

  /** Every field's problem at once; a payment cannot have been made after today. */
  public static PaymentTerms of(BigDecimal amount, LocalDate paidOn, String note, LocalDate today) {
    Map<String, String> errors = problems(amount, paidOn, note, today);
    if (!errors.isEmpty()) {
      throw new InvalidDuesException(errors);
    }
    return new PaymentTerms(amount, paidOn, note);
  }

  private static Map<String, String> problems(
      BigDecimal amount, LocalDate paidOn, String note, LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (amount == null) {
      errors.put("amount", "dues.error.required");
    } else if (amount.signum() <= 0
        || amount.compareTo(BigDecimal.valueOf(RateTerms.HIGHEST_AMOUNT)) > 0
        || amount.stripTrailingZeros().scale() > 2) {
      errors.put("amount", "dues.error.amount");
    }
    if (paidOn == null) {
      errors.put("paidOn", "dues.error.required");
    } else if (paidOn.isBefore(EARLIEST) || paidOn.isAfter(today)) {
      errors.put("paidOn", "dues.error.paidOn");
    }
    if (note != null && note.trim().length() > NOTE_LENGTH) {
      errors.put("note", "dues.error.tooLong");
    }
    return errors;
  }
}
