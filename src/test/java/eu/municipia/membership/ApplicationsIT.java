package eu.municipia.membership;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
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
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applications for membership through the API: anyone applies, the association's admin approves or
 * rejects, the applicant receives each e-mail through the outbox at a real SMTP server, and an SMTP
 * outage delays the mail without losing or doubling it. Each test uses its own municipalities of
 * the demo register (small ones, which are not demo members).
 */
@MunicipiaIT
class ApplicationsIT {

  private static final String PATH = "/api/v1/tenants/smopk/applications";
  private static final String BRODESLAVY = "566489";
  private static final String BUCI = "558699";
  private static final String CHRIC = "558974";
  private static final String HLINCE = "566390";
  private static final String JAROV = "558982";
  private static final String CILA = "540927"; // a demo member
  private static final String BENESOV = "529303"; // Středočeský kraj, outside SMOPK's region
  private static final Duration MAIL_PATIENCE = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  String admin;
  MailServer mail;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed)).asClient(Api.someClientAddress());
    admin = Tokens.accessToken(SMOPK_ADMIN);
    mail = TestStack.get().mail().start();
  }

  @Test
  void anApprovedApplicationMakesAMemberAndTheApplicantIsToldByEmailEachTime() {
    String email = "starosta@brodeslavy.example";
    Api.Response submitted =
        api.post(
            PATH,
            null,
            "application/json",
            application(BRODESLAVY, email, "cs").build().toString());
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
    assertThat(submitted.json().asJsonObject().getString("status")).isEqualTo("UNCONFIRMED");
    MailServer.Mail toConfirm =
        mail.await(m -> m.to().equals(email) && m.subject().contains("potvrďte"), MAIL_PATIENCE);
    assertThat(toConfirm.body())
        .contains(Deployments.base(deployed) + "/smopk/join/confirm?token=");
    assertThat(waiting()).noneMatch(a -> a.getString("email", "").equals(email));

    Api.Response confirmed = confirm(tokenIn(toConfirm));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.json().asJsonObject().getString("status")).isEqualTo("SUBMITTED");
    MailServer.Mail received =
        mail.await(m -> m.to().equals(email) && m.subject().contains("přijata"), MAIL_PATIENCE);
    assertThat(received.subject())
        .isEqualTo("Sdružení měst a obcí Plzeňského kraje: přihláška obce Brodeslavy přijata");
    assertThat(received.body()).startsWith("Dobrý den, Jana Nováková,");
    String id = idOf(BRODESLAVY, email);

    JsonObject listed =
        waiting().stream().filter(a -> a.getString("id").equals(id)).findFirst().orElseThrow();
    assertThat(listed.getString("municipality")).isEqualTo("Brodeslavy");
    assertThat(listed.getString("email")).isEqualTo(email);
    assertThat(listed.getString("applicantRole")).isEqualTo("starostka");

    Api.Response approved =
        api.post(
            PATH + "/" + id + "/approval", admin, "application/json", "{\"since\":\"2026-01-01\"}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().asJsonObject().getString("status")).isEqualTo("APPROVED");
    assertThat(approved.json().asJsonObject().getString("decidedBy")).isEqualTo("Anna Nováková");

    JsonObject member = directory("q=Brodeslavy").getJsonArray("items").getJsonObject(0);
    assertThat(member.getString("code")).isEqualTo(BRODESLAVY);
    assertThat(member.getString("since")).isEqualTo("2026-01-01");
    MailServer.Mail welcome =
        mail.await(m -> m.to().equals(email) && m.subject().contains("je členem"), MAIL_PATIENCE);
    assertThat(welcome.body()).contains("ode dne 1. ledna 2026");

    Api.Response again =
        api.post(
            PATH + "/" + id + "/approval", admin, "application/json", "{\"since\":\"2026-02-01\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(audit())
        .contains("application.submitted", "application.approved", "membership.added");
  }

  @Test
  void aRejectionNeedsAReasonWhichTheApplicantReceivesInTheirLanguage() {
    String email = "mayor@buci.example";
    String id = submit(BUCI, email, "en");

    Api.Response noReason =
        api.post(PATH + "/" + id + "/rejection", admin, "application/json", "{\"reason\":\" \"}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("\"field\":\"reason\"");

    Api.Response rejected =
        api.post(
            PATH + "/" + id + "/rejection",
            admin,
            "application/json",
            "{\"reason\":\"The assembly meets in June.\"}");
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    assertThat(rejected.json().asJsonObject().getString("status")).isEqualTo("REJECTED");

    MailServer.Mail told =
        mail.await(
            m -> m.to().equals(email) && m.subject().contains("not accepted"), MAIL_PATIENCE);
    assertThat(told.subject())
        .isEqualTo(
            "Association of Towns and Municipalities of the Plzeň Region: application of Bučí not accepted");
    assertThat(told.body()).contains("Reason: The assembly meets in June.");
    assertThat(directory("q=Buci").getInt("total")).isZero();
    assertThat(waiting()).noneMatch(a -> a.getString("id").equals(id));
  }

  @Test
  void badApplicationsAreRefusedFieldByFieldAndNothingIsStored() {
    Api.Response bad =
        api.post(
            PATH,
            null,
            "application/json",
            application("12345", "not-an-address", "cs").add("consent", false).build().toString());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(fields(bad)).containsExactlyInAnyOrder("code", "email", "consent");

    Api.Response unknown =
        api.post(
            PATH,
            null,
            "application/json",
            application("999999", "a@b.example", "cs").build().toString());
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(fields(unknown)).containsExactly("code");

    importBenesov();
    Api.Response outside =
        api.post(
            PATH,
            null,
            "application/json",
            application(BENESOV, "a@benesov.example", "cs").build().toString());
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.body()).contains("Benešov is not in the region this association covers");

    Api.Response member =
        api.post(
            PATH,
            null,
            "application/json",
            application(CILA, "a@cila.example", "cs").build().toString());
    assertThat(member.status()).isEqualTo(409);
    assertThat(member.body()).contains("already a member");

    assertThat(waiting())
        .extracting(a -> a.getString("code"))
        .doesNotContain("999999", BENESOV, CILA);

    // The national union covers the whole country: Benešov may apply there.
    Api.Response national =
        api.post(
            "/api/v1/tenants/smocr/applications",
            null,
            "application/json",
            application(BENESOV, "a@benesov.example", "cs").build().toString());
    assertThat(national.status()).as(national.body()).isEqualTo(202);
  }

  @Test
  void onlyTheAssociationsAdminsSeeAndDecideItsApplications() {
    String id = submit(JAROV, "a@jarov.example", "cs");
    String official = Tokens.accessToken(SMOPK_OFFICIAL);
    String otherAdmin = Tokens.accessToken(SMOCR_ADMIN);
    String approval = "{\"since\":\"2026-01-01\"}";

    assertThat(api.get(PATH, null).status()).isEqualTo(401);
    assertThat(api.get(PATH, official).status()).isEqualTo(403);
    assertThat(api.get(PATH, otherAdmin).status()).isEqualTo(403);
    assertThat(api.get(PATH + "/" + id, otherAdmin).status()).isEqualTo(403);
    assertThat(api.post(PATH + "/" + id + "/approval", null, "application/json", approval).status())
        .isEqualTo(401);
    assertThat(
            api.post(PATH + "/" + id + "/approval", official, "application/json", approval)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(PATH + "/" + id + "/approval", otherAdmin, "application/json", approval)
                .status())
        .isEqualTo(403);
    // The other association's admin, on their own association: SMOPK's application is not there.
    String theirs = "/api/v1/tenants/smocr/applications/" + id;
    assertThat(api.get(theirs, otherAdmin).status()).isEqualTo(404);
    assertThat(api.post(theirs + "/approval", otherAdmin, "application/json", approval).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/tenants/smocr/applications", otherAdmin).body()).doesNotContain(id);

    assertThat(api.get(PATH + "/" + id, admin).json().asJsonObject().getString("status"))
        .isEqualTo("SUBMITTED");
  }

  @Test
  void mailWaitsInTheOutboxWhileSmtpIsDownAndLeavesOnceWhenItIsBack() throws Exception {
    String email = "starosta@chric.example";
    mail.stop();
    try {
      // The confirmation link is the first mail the applicant gets.
      Api.Response r =
          api.post(
              PATH, null, "application/json", application(CHRIC, email, "cs").build().toString());
      assertThat(r.status()).as(r.body()).isEqualTo(202);
      awaitOutbox(email, "attempts >= 1 AND sent_at IS NULL");
    } finally {
      mail.start();
    }
    // The first retry comes 10 s after the failed attempt.
    mail.await(m -> m.to().equals(email), Duration.ofSeconds(60));
    awaitOutbox(email, "sent_at IS NOT NULL");
    Thread.sleep(3000); // more polls of the worker, which must not send it again
    assertThat(mail.receivedBy(email)).hasSize(1);
  }

  private void awaitOutbox(String recipient, String condition) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    try (Connection c = TestStack.get().database().app()) {
      try (PreparedStatement tenant =
          c.prepareStatement("SELECT set_config('app.tenant_id', 'smopk', false)")) {
        tenant.execute();
      }
      while (Instant.now().isBefore(deadline)) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM outbox_message WHERE recipient = ? AND " + condition)) {
          ps.setString(1, recipient);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getInt(1) == 1) {
              return;
            }
          }
        }
        Thread.sleep(200);
      }
    }
    throw new AssertionError("The outbox has no message to " + recipient + " with " + condition);
  }

  /** Applies and confirms the address as the applicant would; answers the application's id. */
  private String submit(String code, String email, String language) {
    Api.Response r =
        api.post(
            PATH, null, "application/json", application(code, email, language).build().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    MailServer.Mail toConfirm =
        mail.await(m -> m.to().equals(email) && m.body().contains("token="), MAIL_PATIENCE);
    Api.Response confirmed = confirm(tokenIn(toConfirm));
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    return idOf(code, email);
  }

  private Api.Response confirm(String token) {
    return api.post(
        PATH + "/confirmation", null, "application/json", "{\"token\":\"" + token + "\"}");
  }

  /** The token of the confirmation link in a mail. */
  static String tokenIn(MailServer.Mail mail) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(mail.body());
    assertThat(m.find()).as("a confirmation link in " + mail.body()).isTrue();
    return m.group(1);
  }

  private String idOf(String code, String email) {
    return waiting().stream()
        .filter(a -> a.getString("code").equals(code) && a.getString("email", "").equals(email))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no waiting application of " + code))
        .getString("id");
  }

  private static JsonObjectBuilder application(String code, String email, String language) {
    return Json.createObjectBuilder()
        .add("code", code)
        .add("applicantName", "Jana Nováková")
        .add("applicantRole", "starostka")
        .add("email", email)
        .add("phone", "+420 377 123 456")
        .add("message", "Rádi bychom se zapojili.")
        .add("consent", true)
        .add("language", language);
  }

  private List<JsonObject> waiting() {
    Api.Response r = api.get(PATH + "?limit=500", admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonArray().getValuesAs(JsonObject.class);
  }

  private JsonObject directory(String query) {
    return api.get("/api/v1/tenants/smopk/members?" + query, null).json().asJsonObject();
  }

  private String audit() {
    return api.get("/api/v1/tenants/smopk/audit?limit=200", admin).body();
  }

  private void importBenesov() {
    // Exactly the full table's row, so the register IT's sums hold whatever the order.
    String csv =
        "code,name,district,region,population,lat,lon\n"
            + "529303,Benešov,Benešov,Středočeský kraj,17043,49.783882,14.687470\n";
    Api.Response r =
        api.post(
            "/api/v1/platform/municipalities/imports?year=2025",
            Tokens.accessToken(PLATFORM_ADMIN),
            "text/csv",
            csv);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static List<String> fields(Api.Response r) {
    List<String> fields = new ArrayList<>();
    for (JsonValue e : r.json().asJsonObject().getJsonArray("errors")) {
      fields.add(e.asJsonObject().getString("field"));
    }
    return fields;
  }
}
