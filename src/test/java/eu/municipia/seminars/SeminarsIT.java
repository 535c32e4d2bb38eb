package eu.municipia.seminars;

import static eu.municipia.seminars.SeminarApi.BASE;
import static eu.municipia.seminars.SeminarApi.LINKS;
import static eu.municipia.seminars.SeminarApi.MAIL_PATIENCE;
import static eu.municipia.seminars.SeminarApi.PRAGUE;
import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seminars through the API against the real database, Keycloak and mail: capacity never oversold
 * under concurrent registrations, one person once, who may see and do what, calendar files parsed
 * back across a change to summer time, the public registration confirmed by mail with its calendar
 * file and ticket, check-in and a certificate read back as text, the attendance exports, and the
 * registrants' personal data in the GDPR export and erasure. Every test makes its own events.
 */
@MunicipiaIT
class SeminarsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  SeminarApi seminars;
  MailServer mail;
  String admin;
  String official;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed)).asClient(Api.someClientAddress());
    admin = Tokens.accessToken(SMOPK_ADMIN);
    official = Tokens.accessToken(SMOPK_OFFICIAL);
    seminars = new SeminarApi(api, admin);
    mail = TestStack.get().mail().start();
  }

  /**
   * The case: 200 registrations at once for 50 places give exactly 50 confirmed and 150
   * waiting, in the order they got the event's lock (their arrival numbers), nobody twice.
   */
  @Test
  void twoHundredAtOnceForFiftyPlacesGiveFiftyConfirmedAndTheRestInLineInArrivalOrder()
      throws Exception {
    UUID event = seminars.create(seminars.event("Souběh 200 na 50", 50, 20, "MEMBERS"));
    String run = UUID.randomUUID().toString().substring(0, 6);
    ExecutorService pool = Executors.newFixedThreadPool(40);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> answers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String email = "p" + i + "-" + run + "@souběh.example".replace("ě", "e");
      Callable<Api.Response> call =
          () -> {
            start.await();
            return seminars.register(
                event, official, SeminarApi.people("kontakt-" + run + "@cila.example", email));
          };
      answers.add(pool.submit(call));
    }
    start.countDown();
    for (Future<Api.Response> answer : answers) {
      Api.Response r = answer.get();
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    pool.shutdown();

    List<JsonObject> all = seminars.registrations(event);
    assertThat(all).hasSize(200);
    List<JsonObject> confirmed =
        all.stream().filter(r -> r.getString("status").equals("CONFIRMED")).toList();
    List<JsonObject> waiting =
        all.stream().filter(r -> r.getString("status").equals("WAITING")).toList();
    assertThat(confirmed).hasSize(50);
    assertThat(waiting).hasSize(150);
    assertThat(confirmed)
        .extracting(r -> r.getJsonNumber("number").longValue())
        .containsExactlyInAnyOrderElementsOf(range(1, 50));
    assertThat(waiting)
        .extracting(r -> r.getJsonNumber("number").longValue())
        .containsExactlyInAnyOrderElementsOf(range(51, 200));
    assertThat(waiting)
        .allSatisfy(
            r ->
                assertThat(r.getJsonNumber("position").longValue())
                    .isEqualTo(r.getJsonNumber("number").longValue() - 50));
    Set<String> people = new HashSet<>();
    for (JsonObject r : all) {
      for (JsonObject p : r.getJsonArray("people").getValuesAs(JsonObject.class)) {
        assertThat(people.add(p.getString("email"))).as("nobody twice").isTrue();
      }
    }
    assertThat(people).hasSize(200);
    JsonObject detail = api.get(BASE + "/" + event, null).json().asJsonObject();
    assertThat(detail.getInt("free")).isZero();
    assertThat(detail.getInt("waiting")).isEqualTo(150);
  }

  @Test
  void theSamePersonIsRegisteredOnceAndEveryProblemNamesItsField() {
    UUID event = seminars.create(seminars.event("Jednou a dost", 10, 21, "MEMBERS"));
    String email = "jednou-" + UUID.randomUUID() + "@cila.example";
    assertThat(seminars.register(event, official, SeminarApi.people(email, email)).status())
        .isEqualTo(201);

    Api.Response again = seminars.register(event, official, SeminarApi.people(email, email));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.body()).contains("\"field\":\"people[0].email\"").contains(email);

    Api.Response invalid =
        seminars.register(
            event,
            official,
            Json.createObjectBuilder()
                .add(
                    "people",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder().add("name", "Jana").add("email", "a@b, c@d"))
                        .add(
                            Json.createObjectBuilder()
                                .add("name", "")
                                .add("email", "x@obec.example")))
                .add("contactName", "Josef Král")
                .add("contactEmail", "ne")
                .build());
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body())
        .contains("\"field\":\"people[0].email\"")
        .contains("\"field\":\"people[1].name\"")
        .contains("\"field\":\"contactEmail\"")
        .contains("\"field\":\"consent\"");

    Api.Response badEvent =
        api.post(
            BASE,
            admin,
            "application/json",
            SeminarApi.event("", 0, "2031-03-29T09:00", "2031-03-28T09:00", "EVERYONE")
                .add("kind", "PARTY")
                .build()
                .toString());
    assertThat(badEvent.status()).isEqualTo(400);
    assertThat(badEvent.body())
        .contains("\"field\":\"title\"")
        .contains("\"field\":\"capacity\"")
        .contains("\"field\":\"endsAt\"")
        .contains("\"field\":\"audience\"")
        .contains("\"field\":\"kind\"");
    assertThat(api.post(BASE, admin, "application/json", "{\"capacity\":\"many\"}").status())
        .isEqualTo(400);
    assertThat(api.get(BASE + "/not-an-id", null).status()).isEqualTo(404);
    assertThat(api.get(BASE + "?when=tomorrow", null).status()).isEqualTo(400);
  }

  @Test
  void onlyTheAssociationsAdminsSeeRegistrantsAndManageEvents() {
    UUID event = seminars.create(seminars.event("Kdo co smí", 5, 22, "MEMBERS"));
    String email = "soukrome-" + UUID.randomUUID() + "@cila.example";
    seminars.register(event, official, SeminarApi.people(email, email));
    String otherAdmin = Tokens.accessToken(SMOCR_ADMIN);
    String body = seminars.event("X", 5, 22, "MEMBERS").build().toString();
    String path = BASE + "/" + event;

    Api.Response publicView = api.get(path, null);
    assertThat(publicView.status()).isEqualTo(200);
    assertThat(publicView.body()).doesNotContain(email).doesNotContain("Účastník");
    assertThat(api.get(BASE, null).body()).doesNotContain(email);

    for (String token : new String[] {null, official, otherAdmin}) {
      int refused = token == null ? 401 : 403;
      assertThat(api.get(path + "/registrations", token).status()).isEqualTo(refused);
      assertThat(api.post(BASE, token, "application/json", body).status()).isEqualTo(refused);
      assertThat(api.put(path, token, "application/json", body).status()).isEqualTo(refused);
      assertThat(
              api.post(path + "/cancellation", token, "application/json", "{\"reason\":\"x\"}")
                  .status())
          .isEqualTo(refused);
      assertThat(api.get(path + "/attendance.csv", token).status()).isEqualTo(refused);
      assertThat(api.get(path + "/attendance.xlsx", token).status()).isEqualTo(refused);
      assertThat(api.get(BASE + "/figures", token).status()).isEqualTo(refused);
      assertThat(
              api.post(path + "/checkins", token, "application/json", "{\"code\":\"ABCDEFGH\"}")
                  .status())
          .isEqualTo(refused);
    }
    assertThat(api.get("/api/v1/tenants/smocr/seminars/" + event, otherAdmin).status())
        .as("another association does not see SMOPK's event")
        .isEqualTo(404);
    assertThat(api.get(LINKS + "?token=" + "A".repeat(43), null).status()).isEqualTo(404);
  }

  /**
   * A two-day study visit across the change to summer time (29 March 2026): the event's calendar
   * file, parsed back with ical4j, has 9:00 CET and 16:00 CEST, and the association's feed holds
   * it.
   */
  @Test
  void theCalendarFileParsesBackWithTheRightTimesAcrossTheChangeToSummerTime() throws Exception {
    UUID event =
        seminars.create(
            SeminarApi.event(
                    "Studijní cesta přes změnu času",
                    30,
                    "2026-03-28T09:00",
                    "2026-03-29T16:00",
                    "MEMBERS")
                .add("registrationOpensAt", "2026-01-01T00:00"));
    Api.Response file = api.get(BASE + "/" + event + "/calendar.ics", null);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.contentType()).startsWith("text/calendar");
    VEvent parsed = only(file.body(), event);
    assertThat(((ZonedDateTime) parsed.getDateTimeStart().getDate()).toInstant())
        .isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
    assertThat(((ZonedDateTime) parsed.getDateTimeEnd().getDate()).toInstant())
        .isEqualTo(Instant.parse("2026-03-29T14:00:00Z"));
    assertThat(file.body()).contains("TZID=Europe/Prague").contains("BEGIN:VTIMEZONE");

    Api.Response feed = api.get(BASE + "/calendar.ics", null);
    assertThat(feed.status()).isEqualTo(200);
    assertThat(only(feed.body(), event).getSummary().getValue())
        .isEqualTo("Studijní cesta přes změnu času");
  }

  /**
   * The public registers: nothing counts until the link in the mail is confirmed; then the mail
   * carries the calendar file, the ticket (code, QR code) and the personal link, which shows the
   * registration and cancels it.
   */
  @Test
  void aPublicRegistrationCountsOnceConfirmedAndItsPersonalLinkCancelsIt() throws Exception {
    UUID event = seminars.create(seminars.event("Otevřený seminář", 10, 23, "PUBLIC"));
    String email = "verejnost-" + UUID.randomUUID().toString().substring(0, 8) + "@obec.example";
    JsonObject body =
        Json.createObjectBuilder()
            .add(
                "people",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "Žofie Řeháčková")
                            .add("email", email)))
            .add("organisation", "Obec Líšná")
            .add("consent", true)
            .build();
    Api.Response sent = seminars.register(event, null, body);
    assertThat(sent.status()).isEqualTo(202);
    assertThat(sent.json().asJsonObject().getString("status")).isEqualTo("UNCONFIRMED");
    assertThat(seminars.registrations(event)).as("nothing counts yet").isEmpty();

    String confirmToken = SeminarApi.token(mail, email, "/seminars/confirm", "potvrďte");
    Api.Response confirmed =
        api.post(LINKS + "/confirmation", null, "application/json", token(confirmToken));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.json().asJsonObject().getString("status")).isEqualTo("CONFIRMED");
    assertThat(
            api.post(LINKS + "/confirmation", null, "application/json", token(confirmToken))
                .status())
        .as("the link works once")
        .isEqualTo(410);

    MailServer.Mail receipt =
        mail.await(
            m -> m.to().equals(email) && m.subject().contains("je potvrzena"), MAIL_PATIENCE);
    assertThat(receipt.body()).contains("Otevřený seminář").contains("Žofie Řeháčková");
    assertThat(receipt.attachments()).containsKey("event.ics");
    assertThat(receipt.attachments().keySet()).anyMatch(n -> n.matches("ticket-[0-9A-Z]{8}\\.png"));
    only(receipt.attachmentText("event.ics"), event);
    String manage = SeminarApi.token(receipt, "/seminars/registration");
    assertThat(receipt.body()).contains("/seminars/ticket?token=");

    Api.Response view = api.get(LINKS + "?token=" + manage, null);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().asJsonObject().getString("status")).isEqualTo("CONFIRMED");
    assertThat(view.body()).contains("Žofie Řeháčková");

    Api.Response cancelled =
        api.post(LINKS + "/cancellation", null, "application/json", token(manage));
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().asJsonObject().getString("status")).isEqualTo("CANCELLED");
    mail.await(m -> m.to().equals(email) && m.subject().contains("je zrušena"), MAIL_PATIENCE);
    assertThat(api.get(BASE + "/" + event, null).json().asJsonObject().getInt("free"))
        .isEqualTo(10);
  }

  @Test
  void membersOnlyEventsAndClosedRegistrationRefuseThePublic() {
    UUID members = seminars.create(seminars.event("Jen pro členy", 10, 24, "MEMBERS"));
    JsonObject one =
        Json.createObjectBuilder()
            .add(
                "people",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "Jana")
                            .add("email", "j@obec.example")))
            .add("consent", true)
            .build();
    Api.Response refused = seminars.register(members, null, one);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body()).contains("\"field\":\"event\"");
    Api.Response trapped =
        seminars.register(
            members,
            null,
            Json.createObjectBuilder(one).add("website", "http://spam.example").build());
    assertThat(trapped.status()).as("the honeypot learns nothing").isEqualTo(202);
  }

  /**
   * At the event: the admin checks a person in by the code of their ticket; after the event the
   * person downloads the certificate from their ticket's link: its text names them (with every
   * Czech letter) and carries the verification link, which anyone may open.
   */
  @Test
  void checkInByCodeThenACertificateNamesThePersonAndItsLinkVerifiesIt() throws Exception {
    LocalDateTime start = LocalDateTime.now(PRAGUE).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
    UUID event =
        seminars.create(
            SeminarApi.event(
                "Seminář s osvědčením",
                5,
                start.toString(),
                start.plusHours(3).toString(),
                "MEMBERS"));
    String email = "osvedceni-" + UUID.randomUUID().toString().substring(0, 8) + "@cila.example";
    JsonObject registration =
        Json.createObjectBuilder(SeminarApi.people(email, email))
            .add(
                "people",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "Žofie Řeháčková")
                            .add("email", email)
                            .add("role", "místostarostka")))
            .build();
    assertThat(seminars.register(event, official, registration).status()).isEqualTo(201);
    MailServer.Mail ticket =
        mail.await(
            m -> m.to().equals(email) && m.subject().contains("je potvrzena"), MAIL_PATIENCE);
    String code =
        java.util.regex.Pattern.compile("kód pro prezenci ([0-9A-Z]{8})")
            .matcher(ticket.body())
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);
    String ticketToken = SeminarApi.token(ticket, "/seminars/ticket");
    assertThat(ticket.attachments()).containsKey("ticket-" + code + ".png");

    Api.Response wrong =
        api.post(
            BASE + "/" + event + "/checkins", admin, "application/json", "{\"code\":\"00000000\"}");
    assertThat(wrong.status()).isEqualTo(404);
    Api.Response checkedIn =
        api.post(
            BASE + "/" + event + "/checkins",
            admin,
            "application/json",
            "{\"code\":\"" + code.toLowerCase() + "\"}");
    assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
    String certificate = checkedIn.json().asJsonObject().getString("certificate");
    assertThat(certificate).matches("[0-9A-Z]{16}");
    assertThat(api.get(LINKS + "/certificate.pdf?token=" + ticketToken, null).status())
        .as("not before the event has ended")
        .isEqualTo(409);

    // Time passes: the event is over.
    SeminarApi.update(
        "UPDATE seminar SET starts_at = starts_at - interval '1 day',"
            + " ends_at = ends_at - interval '1 day',"
            + " registration_closes_at = registration_closes_at - interval '1 day',"
            + " registration_opens_at = registration_opens_at - interval '1 day' WHERE id = ?",
        event);
    byte[] pdf = download(LINKS + "/certificate.pdf?token=" + ticketToken);
    String verify = Deployments.base(deployed) + "/smopk/seminars/certificate?code=" + certificate;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Žofie Řeháčková")
          .contains("místostarostka, Čilá")
          .contains("Seminář s osvědčením")
          .contains(certificate)
          .contains(verify);
    }
    JsonObject check = api.get(BASE + "/certificates/" + certificate, null).json().asJsonObject();
    assertThat(check.getString("name")).isEqualTo("Žofie Řeháčková");
    assertThat(check.getString("title")).isEqualTo("Seminář s osvědčením");
    assertThat(api.get(BASE + "/certificates/0000000000000000", null).status()).isEqualTo(404);
    Api.Response page = api.get("/smopk/seminars/certificate?code=" + certificate, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Žofie Řeháčková").contains("Osvědčení je pravé");
  }

  @Test
  void theAttendanceListExportsAsCsvAndXlsxAndTheFiguresCountIt() throws Exception {
    UUID event = seminars.create(seminars.event("Prezenční listina", 5, 25, "MEMBERS"));
    String a = "listina-a-" + UUID.randomUUID().toString().substring(0, 6) + "@cila.example";
    String b = "listina-b-" + UUID.randomUUID().toString().substring(0, 6) + "@cila.example";
    assertThat(seminars.register(event, official, SeminarApi.people(a, a, b)).status())
        .isEqualTo(201);

    Api.Response csv = api.get(BASE + "/" + event + "/attendance.csv", admin);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFFline;name;").contains(a).contains(b).contains("Čilá");

    byte[] xlsx = download(BASE + "/" + event + "/attendance.xlsx", admin);
    // An XLSX is a zip with data descriptors: read it through its central directory.
    Path file = Files.createTempFile("attendance", ".xlsx");
    Files.write(file, xlsx);
    StringBuilder sheet = new StringBuilder();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (e.getName().startsWith("xl/")) {
          sheet.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } finally {
      Files.delete(file);
    }
    // fastexcel writes every character beyond ASCII as a reference (&#x10d; for č).
    String text =
        Pattern.compile("&#x([0-9a-fA-F]+);")
            .matcher(sheet)
            .replaceAll(m -> Character.toString(Integer.parseInt(m.group(1), 16)));
    assertThat(text).contains(a).contains(b).contains("Prezenční listina").contains("Čilá");

    JsonObject figures = api.get(BASE + "/figures", admin).json().asJsonObject();
    JsonObject mine = figures.getJsonObject("events").getJsonObject(event.toString());
    assertThat(mine.getInt("registered")).isEqualTo(2);
    assertThat(mine.getInt("attended")).isZero();
  }

  /**
   * A registrant's GDPR request: the export holds their registrations; the erasure forgets the
   * person and the personal link, and keeps the counts.
   */
  @Test
  void registrantsAreInTheGdprExportAndTheErasureKeepsTheCounts() {
    UUID event = seminars.create(seminars.event("Osobní údaje", 5, 26, "MEMBERS"));
    String email = "gdpr-" + UUID.randomUUID().toString().substring(0, 8) + "@cila.example";
    seminars.register(event, official, SeminarApi.people(email, email));
    String manage = SeminarApi.token(mail, email, "/seminars/registration", "je potvrzena");

    Api.Response export = api.get("/api/v1/tenants/smopk/personal-data?email=" + email, admin);
    assertThat(export.status()).isEqualTo(200);
    JsonObject section =
        export.json().asJsonObject().getJsonArray("features").getValuesAs(JsonObject.class).stream()
            .filter(f -> f.getString("name").equals("seminarRegistrations"))
            .findFirst()
            .orElseThrow();
    assertThat(section.getJsonArray("items")).hasSize(2); // as the contact and as a participant
    assertThat(section.toString()).contains("Osobní údaje");

    Api.Response erased =
        api.post(
            "/api/v1/tenants/smopk/personal-data/erasure",
            admin,
            "application/json",
            "{\"email\":\"" + email + "\",\"confirm\":true}");
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    assertThat(erased.json().asJsonObject().getJsonArray("features").getValuesAs(JsonObject.class))
        .anySatisfy(
            f -> {
              assertThat(f.getString("name")).isEqualTo("seminarRegistrations");
              assertThat(f.getInt("count")).isEqualTo(2);
            });
    JsonObject after = seminars.registration(event, "").asJsonObject();
    assertThat(after.toString()).doesNotContain(email);
    JsonObject figures =
        api.get(BASE + "/figures", admin)
            .json()
            .asJsonObject()
            .getJsonObject("events")
            .getJsonObject(event.toString());
    assertThat(figures.getInt("registered")).as("the count stays").isEqualTo(1);
    assertThat(api.get(LINKS + "?token=" + manage, null).status()).isEqualTo(404);
  }

  private static String token(String token) {
    return "{\"token\":\"" + token + "\"}";
  }

  private static VEvent only(String ics, UUID event) throws Exception {
    Calendar calendar =
        new CalendarBuilder().build(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)));
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .filter(e -> e.getUid().orElseThrow().getValue().equals(event + "@municipia"))
        .findFirst()
        .orElseThrow();
  }

  private byte[] download(String path) throws Exception {
    return download(path, null);
  }

  private byte[] download(String path, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Deployments.base(deployed) + path));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return r.body();
  }

  private static List<Long> range(long from, long to) {
    List<Long> numbers = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      numbers.add(i);
    }
    return numbers;
  }
}
