package eu.municipia.platform.entity;

import java.time.LocalDate;

/**
 * The days an association's records can be about: from 1900 to 2100. A date outside (2026 BC, typed
 * as "-2026-01-01", or year 20260) is a typing mistake, refused where it is entered.
 */
public final class Dates {

  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private Dates() {}

  /** Whether the day is plausible; no day (null) is for the caller's required-check to judge. */
  public static boolean plausible(LocalDate day) {
    return day == null || (!day.isBefore(EARLIEST) && !day.isAfter(LATEST));
  }

  /** Refuses an implausible day, naming the field. */
  public static LocalDate requirePlausible(String field, LocalDate day) {
    if (!plausible(day)) {
      throw Refusal.invalid(field, "date.error.range");
    }
    return day;
  }
}
