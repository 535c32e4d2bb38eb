package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.seminars.control.EventTimes;
import eu.municipia.seminars.control.Seminars;
import eu.municipia.seminars.entity.ProgrammeItem;
import eu.municipia.seminars.entity.Seminar;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An event as the pages show it, in the reader's language: read inside a transaction (the programme
 * is loaded lazily), shown after it.
 */
public record EventView(
    UUID id,
    String kind,
    String kindName,
    String title,
    String description,
    String topic,
    String lecturers,
    String when,
    String days,
    String venue,
    String address,
    String where,
    Double latitude,
    Double longitude,
    String onlineUrl,
    boolean publicAudience,
    BigDecimal fee,
    int capacity,
    int free,
    int waiting,
    boolean open,
    String closedReason,
    String opens,
    String closes,
    boolean cancelled,
    String cancelReason,
    List<Line> programme) {

  /** A line of the programme. */
  public record Line(String time, String title, String lecturer) {}

  public static EventView of(
      Seminar s, Seminars.Places places, Locale locale, java.time.Instant now) {
    return new EventView(
        s.id(),
        s.kind().name(),
        FormMessages.text("seminar.kind." + s.kind().name()),
        s.title(),
        s.description(),
        s.topic(),
        s.lecturers(),
        EventTimes.range(s.startsAt(), s.endsAt(), locale),
        EventTimes.days(s.startsAt(), s.endsAt(), locale),
        s.venue(),
        s.address(),
        Seminars.where(s),
        s.latitude(),
        s.longitude(),
        s.onlineUrl(),
        s.audience() == eu.municipia.seminars.entity.Audience.PUBLIC,
        s.fee(),
        s.capacity(),
        places.free(),
        places.waiting(),
        places.open(),
        s.closedReason(now),
        EventTimes.moment(s.registrationOpensAt(), locale),
        EventTimes.moment(s.registrationClosesAt(), locale),
        s.isCancelled(),
        s.cancelReason(),
        s.programme().stream().map(i -> line(i, s, locale)).toList());
  }

  private static Line line(ProgrammeItem item, Seminar s, Locale locale) {
    boolean oneDay =
        s.startsAt()
            .atZone(Seminar.ZONE)
            .toLocalDate()
            .equals(s.endsAt().atZone(Seminar.ZONE).toLocalDate());
    String from =
        oneDay
            ? EventTimes.time(item.startsAt().atZone(Seminar.ZONE), locale)
            : EventTimes.moment(item.startsAt(), locale);
    String to =
        item.endsAt() == null
            ? ""
            : "–" + EventTimes.time(item.endsAt().atZone(Seminar.ZONE), locale);
    return new Line(from + to, item.title(), item.lecturer());
  }

  public boolean isHasMap() {
    return latitude != null && longitude != null;
  }

  public boolean isFull() {
    return free == 0;
  }
}
