package eu.municipia.seminars.control;

import eu.municipia.seminars.entity.Seminar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times of events as people read them, in Prague's time and the reader's language: "28. 3. 2026
 * 9:00–16:00", or "28. 3. 2026 9:00 – 29. 3. 2026 16:00" for an event of several days.
 */
public final class EventTimes {

  private static final DateTimeFormatter CS_DAY = DateTimeFormatter.ofPattern("d. M. yyyy");
  private static final DateTimeFormatter EN_DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter CS_TIME = DateTimeFormatter.ofPattern("H:mm");
  private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private EventTimes() {}

  public static String range(Instant start, Instant end, Locale locale) {
    ZonedDateTime from = start.atZone(Seminar.ZONE);
    ZonedDateTime to = end.atZone(Seminar.ZONE);
    if (from.toLocalDate().equals(to.toLocalDate())) {
      return day(from.toLocalDate(), locale) + " " + time(from, locale) + "–" + time(to, locale);
    }
    return moment(start, locale) + " – " + moment(end, locale);
  }

  /** The days only: "28. 3. 2026" or "28. 3. 2026 – 29. 3. 2026". */
  public static String days(Instant start, Instant end, Locale locale) {
    LocalDate from = start.atZone(Seminar.ZONE).toLocalDate();
    LocalDate to = end.atZone(Seminar.ZONE).toLocalDate();
    return from.equals(to) ? day(from, locale) : day(from, locale) + " – " + day(to, locale);
  }

  public static String moment(Instant instant, Locale locale) {
    ZonedDateTime at = instant.atZone(Seminar.ZONE);
    return day(at.toLocalDate(), locale) + " " + time(at, locale);
  }

  public static String day(LocalDate day, Locale locale) {
    return day.format(english(locale) ? EN_DAY : CS_DAY);
  }

  /** The time of day only: "9:00". */
  public static String time(ZonedDateTime at, Locale locale) {
    return at.format(english(locale) ? EN_TIME : CS_TIME);
  }

  /** A local date and time as the form's datetime-local field shows it ("2026-03-28T09:00"). */
  public static String local(Instant instant) {
    return instant == null
        ? ""
        : instant.atZone(Seminar.ZONE).toLocalDateTime().toString().substring(0, 16);
  }

  private static boolean english(Locale locale) {
    return "en".equals(locale.getLanguage());
  }
}
