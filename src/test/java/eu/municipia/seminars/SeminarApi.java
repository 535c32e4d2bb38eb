package eu.municipia.seminars;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.TestStack;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the seminars' integration tests do through the API and read from the database and the mail:
 * each test makes events of its own, so tests share nothing and may run in any order.
 */
final class SeminarApi {

  static final String BASE = "/api/v1/tenants/smopk/seminars";
  static final String LINKS = "/api/v1/tenants/smopk/seminar-registrations";
  static final Duration MAIL_PATIENCE = Duration.ofSeconds(60);
  static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

  private final Api api;
  private final String admin;

  SeminarApi(Api api, String adminToken) {
    this.api = api;
    this.admin = adminToken;
  }

  /** An event starting in {@code daysAhead} days at 9:00 for a day, open now. */
  JsonObjectBuilder event(String title, int capacity, int daysAhead, String audience) {
    LocalDateTime start =
        LocalDateTime.now(PRAGUE).plusDays(daysAhead).withHour(9).truncatedTo(ChronoUnit.HOURS);
    return event(title, capacity, start.toString(), start.withHour(16).toString(), audience);
  }

  static JsonObjectBuilder event(
      String title, int capacity, String startsAt, String endsAt, String audience) {
    return Json.createObjectBuilder()
        .add("kind", "SEMINAR")
        .add("title", title)
        .add("description", "Seminář pro pracovníky obecních úřadů.")
        .add("topic", "Legislativa")
        .add("lecturers", "JUDr. Tomáš Říha")
        .add("startsAt", startsAt)
        .add("endsAt", endsAt)
        .add("venue", "Krajský úřad Plzeňského kraje")
        .add("address", "Škroupova 18, Plzeň")
        .add("latitude", 49.7429)
        .add("longitude", 13.3749)
        .add("capacity", capacity)
        .add("audience", audience)
        .add("programme", Json.createArrayBuilder());
  }

  /** Creates the event as the admin; answers its id. */
  UUID create(JsonObjectBuilder event) {
    Api.Response r = api.post(BASE, admin, "application/json", event.build().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return UUID.fromString(r.json().asJsonObject().getString("id"));
  }

  static JsonObject people(String contact, String... emails) {
    JsonArrayBuilder people = Json.createArrayBuilder();
    for (String email : emails) {
      people.add(
          Json.createObjectBuilder()
              .add("name", "Účastník " + email.substring(0, email.indexOf('@')))
              .add("email", email));
    }
    return Json.createObjectBuilder()
        .add("people", people)
        .add("contactName", "Josef Král")
        .add("contactEmail", contact)
        .add("consent", true)
        .add("language", "cs")
        .build();
  }

  Api.Response register(UUID event, String token, JsonObject body) {
    return api.post(
        BASE + "/" + event + "/registrations", token, "application/json", body.toString());
  }

  Api.Response queue(UUID event) {
    return api.get(BASE + "/" + event + "/registrations", admin);
  }

  List<JsonObject> registrations(UUID event) {
    Api.Response r = queue(event);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonArray().getValuesAs(JsonObject.class);
  }

  JsonObject registration(UUID event, String contactOrPerson) {
    return registrations(event).stream()
        .filter(
            r ->
                contactOrPerson.equals(r.getString("contactEmail", ""))
                    || r.getJsonArray("people").getValuesAs(JsonObject.class).stream()
                        .anyMatch(p -> contactOrPerson.equals(p.getString("email", ""))))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("No registration of " + contactOrPerson));
  }

  /** The token of the first link to a page in the newest mail to the address that has one. */
  static String token(MailServer mail, String to, String page, String subjectPart) {
    MailServer.Mail m =
        mail.await(
            x ->
                x.to().equalsIgnoreCase(to)
                    && x.subject().contains(subjectPart)
                    && x.body().contains(page + "?token="),
            MAIL_PATIENCE);
    return token(m, page);
  }

  static String token(MailServer.Mail m, String page) {
    Matcher token =
        Pattern.compile(Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]{43})").matcher(m.body());
    assertThat(token.find()).as(m.body()).isTrue();
    return token.group(1);
  }

  static List<MailServer.Mail> mails(MailServer mail, String to, String subjectPart) {
    List<MailServer.Mail> found = new ArrayList<>();
    for (MailServer.Mail m : mail.receivedBy(to)) {
      if (m.subject().contains(subjectPart)) {
        found.add(m);
      }
    }
    return found;
  }

  /** Runs SQL in SMOPK's rows (the app's role, row-level security on): moves time for tests. */
  static int update(String sql, Object... parameters) {
    return inSmopk(sql, parameters, PreparedStatement::executeUpdate);
  }

  static long count(String sql, Object... parameters) {
    return inSmopk(
        sql,
        parameters,
        ps -> {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private interface Statement<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private static <T> T inSmopk(String sql, Object[] parameters, Statement<T> work) {
    try (Connection c = TestStack.get().database().app()) {
      try (PreparedStatement tenant =
          c.prepareStatement("SELECT set_config('app.tenant_id', 'smopk', false)")) {
        tenant.execute();
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          ps.setObject(i + 1, parameters[i]);
        }
        return work.run(ps);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
