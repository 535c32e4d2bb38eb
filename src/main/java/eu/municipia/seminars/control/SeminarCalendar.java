package eu.municipia.seminars.control;

import eu.municipia.platform.control.Links;
import eu.municipia.seminars.entity.ProgrammeItem;
import eu.municipia.seminars.entity.Seminar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Events as iCalendar (RFC 5545), made by ical4j: a file per event ("add to calendar", the
 * confirmation mail) and a feed per association to subscribe to. Times are written in Europe/Prague
 * with its VTIMEZONE, so that a calendar shows 9:00 on both sides of a change to summer time.
 */
public final class SeminarCalendar {

  public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

  private static final TimeZoneRegistry ZONES =
      TimeZoneRegistryFactory.getInstance().createRegistry();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d. M. yyyy H:mm");

  private SeminarCalendar() {}

  /**
   * One calendar of the events.
   *
   * @param name the calendar's name (the association's), shown by calendar apps for a feed
   * @param site the association's pages, for the link to each event
   */
  public static byte[] of(List<Seminar> seminars, String name, Links.Site site, Instant now) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Municipia//Seminars//CS"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new Method("PUBLISH"));
    calendar.add(new XProperty("X-WR-CALNAME", name));
    calendar.add(new XProperty("X-WR-TIMEZONE", Seminar.ZONE.getId()));
    calendar.add(ZONES.getTimeZone(Seminar.ZONE.getId()).getVTimeZone());
    for (Seminar s : seminars) {
      calendar.add(event(s, site, now));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      new CalendarOutputter(false).output(calendar, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static VEvent event(Seminar s, Links.Site site, Instant now) {
    VEvent event = new VEvent(prague(s.startsAt()), prague(s.endsAt()), s.title());
    event.add(new Uid(s.id() + "@municipia"));
    event.add(new DtStamp(now));
    event.add(new LastModified(now));
    String where = Seminars.where(s);
    if (!where.isEmpty()) {
      event.add(new Location(where));
    }
    if (s.latitude() != null) {
      event.add(
          new Geo(
              java.math.BigDecimal.valueOf(s.latitude()),
              java.math.BigDecimal.valueOf(s.longitude())));
    }
    event.add(new Url(site.page("/seminars/event", Map.of("id", s.id().toString()))));
    event.add(new Description(description(s)));
    event.add(s.isCancelled() ? new Status("CANCELLED") : new Status("CONFIRMED"));
    return event;
  }

  private static ZonedDateTime prague(Instant instant) {
    return instant.atZone(Seminar.ZONE);
  }

  private static String description(Seminar s) {
    StringBuilder text = new StringBuilder();
    if (s.description() != null) {
      text.append(s.description()).append("\n\n");
    }
    if (s.lecturers() != null) {
      text.append(s.lecturers()).append("\n\n");
    }
    for (ProgrammeItem item : s.programme()) {
      text.append(prague(item.startsAt()).format(TIME)).append("  ").append(item.title());
      if (item.lecturer() != null) {
        text.append(" (").append(item.lecturer()).append(')');
      }
      text.append('\n');
    }
    if (s.onlineUrl() != null) {
      text.append('\n').append(s.onlineUrl());
    }
    return text.toString().trim();
  }
}
