package eu.municipia.seminars.control;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.platform.control.Links;
import eu.municipia.seminars.entity.Events;
import eu.municipia.seminars.entity.Seminar;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class SeminarCalendarTest {

  private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
  private static final Links.Site SITE = new Links.Site(URI.create("https://app.example/smopk"));

  /**
   * A two-day study visit across the change to summer time (Sunday 29 March 2026, 2:00 becomes
   * 3:00): it starts at 9:00 CET (8:00 UTC) and ends at 16:00 CEST (14:00 UTC). Parsed back by
   * ical4j, both ends are the same instants, and the file names Prague's zone with its rules.
   */
  @Test
  void timesSurviveTheChangeToSummerTime() throws Exception {
    Seminar visit =
        new Seminar(
            Events.form("2026-03-28T09:00", "2026-03-29T16:00", 20).details(NOW), "test", NOW);

    byte[] file = SeminarCalendar.of(List.of(visit), "SMOPK", SITE, NOW);
    String text = new String(file, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text)
        .contains("DTSTART;TZID=Europe/Prague:20260328T090000")
        .contains("DTEND;TZID=Europe/Prague:20260329T160000")
        .contains("Řeháčková");

    Calendar parsed = new CalendarBuilder().build(new ByteArrayInputStream(file));
    VEvent event = parsed.<VEvent>getComponents("VEVENT").get(0);
    ZonedDateTime start = (ZonedDateTime) event.getDateTimeStart().getDate();
    ZonedDateTime end = (ZonedDateTime) event.getDateTimeEnd().getDate();
    assertThat(start.toInstant()).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
    assertThat(end.toInstant()).isEqualTo(Instant.parse("2026-03-29T14:00:00Z"));
    assertThat(event.getSummary().getValue()).isEqualTo("Nový stavební zákon v praxi obcí");
    assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(visit.id() + "@municipia");
    assertThat(event.getUrl().getValue())
        .isEqualTo("https://app.example/smopk/seminars/event?id=" + visit.id());
    VTimeZone zone = parsed.<VTimeZone>getComponents("VTIMEZONE").get(0);
    assertThat(zone.getTimeZoneId().getValue()).isEqualTo("Europe/Prague");
  }

  @Test
  void aCancelledEventIsMarkedCancelled() {
    Seminar seminar = Events.seminar(10, NOW);
    seminar.cancel("Lektor onemocněl", NOW);
    String text =
        new String(
            SeminarCalendar.of(List.of(seminar), "SMOPK", SITE, NOW),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("STATUS:CANCELLED");
  }
}
