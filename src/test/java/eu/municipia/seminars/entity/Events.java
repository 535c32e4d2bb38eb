package eu.municipia.seminars.entity;

import java.time.Instant;
import java.util.List;

/** Events for unit tests, made through the admin's form as the app makes them. */
public final class Events {

  private Events() {}

  /** A form of a valid event; each test changes what it is about. */
  public static EventForm form(String startsAt, String endsAt, int capacity) {
    return new EventForm(
        "SEMINAR",
        "Nový stavební zákon v praxi obcí",
        "Co mění nový stavební zákon pro obecní úřady.",
        "Legislativa",
        "JUDr. Žofie Řeháčková",
        startsAt,
        endsAt,
        "Krajský úřad Plzeňského kraje",
        "Škroupova 18, Plzeň",
        "49.7475",
        "13.3776",
        null,
        Integer.toString(capacity),
        null,
        null,
        "PUBLIC",
        null,
        "48",
        List.of(
            new EventForm.ProgrammeLine(startsAt, null, "Úvod a přehled změn", "Žofie Řeháčková")));
  }

  public static Seminar seminar(int capacity, Instant now) {
    return new Seminar(
        form("2031-03-28T09:00", "2031-03-28T16:00", capacity).details(now), "test", now);
  }
}
