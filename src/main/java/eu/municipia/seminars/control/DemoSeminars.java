package eu.municipia.seminars.control;

import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.control.DemoSeed;
import eu.municipia.seminars.entity.EventForm;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.RegistrationForm;
import eu.municipia.seminars.entity.Seminar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Demo data: SMOPK's events around today, from {@code demo-seminars.json} beside this class (a past
 * seminar on the new building act with its attendance, a workshop that is full with a waitlist, a
 * two-day study visit, a seminar open to the public), registered through the use cases as an
 * organiser would. Nothing is mailed: the demo addresses are invented.
 */
@ApplicationScoped
public class DemoSeminars implements DemoSeed {

  static final String DATA = "demo-seminars.json";

  @Inject Seminars seminars;
  @Inject Registrations registrations;
  @Inject Clock clock;

  @Override
  public String tenant() {
    return "smopk";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public String seedIfEmpty() {
    if (!seminars.all().isEmpty()) {
      return "has events already";
    }
    return SeminarMail.quietly(this::seed);
  }

  private String seed() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), Seminar.ZONE);
    JsonArray events = read().getJsonArray("events");
    int people = 0;
    for (JsonObject event : events.getValuesAs(JsonObject.class)) {
      Seminar seminar = seminars.create(form(event, today), DEMO);
      for (JsonObject r : event.getJsonArray("registrations").getValuesAs(JsonObject.class)) {
        people += register(seminar, r);
      }
      if (event.getBoolean("checkIn", false)) {
        for (Registration r : registrations.queue(seminar.id())) {
          r.activePeople().forEach(p -> registrations.checkInPerson(seminar.id(), p.id(), DEMO));
        }
      }
    }
    return events.size() + " events, " + people + " people registered";
  }

  private EventForm form(JsonObject e, LocalDate today) {
    LocalDateTime starts = at(e.getJsonArray("starts"), today);
    LocalDateTime opens =
        LocalDateTime.ofInstant(clock.instant(), Seminar.ZONE)
            .minusDays(60)
            .truncatedTo(ChronoUnit.MINUTES);
    return new EventForm(
        e.getString("kind"),
        e.getString("title"),
        e.getString("description"),
        e.getString("topic"),
        e.getString("lecturers"),
        starts.toString(),
        at(e.getJsonArray("ends"), today).toString(),
        e.getString("venue"),
        e.getString("address"),
        e.getString("latitude"),
        e.getString("longitude"),
        null,
        Integer.toString(e.getInt("capacity")),
        (opens.isBefore(starts) ? opens : starts.minusDays(1)).toString(),
        starts.minusDays(1).toString(),
        e.getString("audience"),
        e.getString("fee"),
        Integer.toString(seminars.defaultOfferHours()),
        e.getJsonArray("programme").getValuesAs(JsonArray.class).stream()
            .map(
                item ->
                    new EventForm.ProgrammeLine(
                        at(item, today).toString(), null, item.getString(2), item.getString(3)))
            .toList());
  }

  /** One municipality's people, registered by an organiser; the first is the contact. */
  private int register(Seminar seminar, JsonObject registration) {
    List<RegistrationForm.PersonLine> lines =
        registration.getJsonArray("people").getValuesAs(JsonArray.class).stream()
            .map(
                p ->
                    new RegistrationForm.PersonLine(p.getString(0), p.getString(1), p.getString(2)))
            .toList();
    registrations.registerMembers(
        seminar.id(),
        new RegistrationForm(lines, lines.get(0).name(), lines.get(0).email(), null, true, false),
        "cs",
        new Registrations.Origin(new MunicipalityCode("CZ", registration.getString("code")), null),
        DEMO,
        true);
    return lines.size();
  }

  /** [day from today, "HH:mm"] as a local date and time. */
  private static LocalDateTime at(JsonArray when, LocalDate today) {
    return LocalDateTime.of(today.plusDays(when.getInt(0)), LocalTime.parse(when.getString(1)));
  }

  private static JsonObject read() {
    try (InputStream in = DemoSeminars.class.getResourceAsStream(DATA);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
