package eu.municipia.publicforms;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
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
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protection of public forms, tried on the "Join us" form as a script would abuse it: budgets
 * per client and per association (this deployment has small ones), the honeypot, one answer
 * whatever the state of things, confirmation links that work once and expire, and e-mail addresses
 * that are exactly one address. Each test is its own client (X-Forwarded-For from the trusted
 * loopback), so their budgets do not mix; SMOPK's budget for everyone is larger than what all the
 * tests here send to it, and the test of that budget spends SMO ČR's.
 */
@MunicipiaIT
class PublicFormsIT {

  private static final String PATH = "/api/v1/tenants/smopk/applications";
  private static final int PER_CLIENT = 3;
  private static final int PER_ASSOCIATION = 40;
  private static final Duration MAIL_PATIENCE = Duration.ofSeconds(30);
  private static final String VSEHRDY = "566497";
  private static final String LISNA = "559962";
  private static final String VELECIN = "578924";
  private static final String UJEZD = "566594";
  private static final String LIBLIN = "559954";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.warWithSettings(
        Map.of(
            "public-forms.per-client", Integer.toString(PER_CLIENT),
            "public-forms.per-association", Integer.toString(PER_ASSOCIATION)));
  }

  @ArquillianResource URL deployed;
  Api api;
  MailServer mail;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed)).asClient(Api.someClientAddress());
    mail = TestStack.get().mail().start();
  }

  @Test
  void oneClientMaySendTheFormOnlySoOftenInAnHourAndThenGets429() {
    for (int i = 0; i < PER_CLIENT; i++) {
      // Invalid input counts too: a script probing the form spends the same budget.
      assertThat(apply(api, "12345", "a@b.example").status()).isEqualTo(400);
    }
    Api.Response refused = apply(api, "12345", "a@b.example");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");

    Api.Response otherClient = apply(api.asClient(Api.someClientAddress()), "12345", "a@b.example");
    assertThat(otherClient.status()).as("another client has its own budget").isEqualTo(400);
  }

  @Test
  void manyClientsTogetherMeetTheAssociationsBudget() {
    Api smocr = new Api(Deployments.base(deployed));
    int refused = 0;
    for (int i = 0; i < PER_ASSOCIATION + 2; i++) {
      Api.Response r =
          smocr
              .asClient(Api.someClientAddress())
              .post(
                  "/api/v1/tenants/smocr/applications",
                  null,
                  "application/json",
                  application("12345", "a@b.example").build().toString());
      refused += r.status() == 429 ? 1 : 0;
    }
    assertThat(refused).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theHoneypotTakesNothingAndTellsTheProgramNothing() {
    String email = "bot@vsehrdy.example";
    Api.Response trapped =
        api.post(
            PATH,
            null,
            "application/json",
            application(VSEHRDY, email).add("website", "http://spam.example").build().toString());
    Api.Response genuine = apply(api, VELECIN, "starosta@velecin.example");

    assertThat(trapped.status()).isEqualTo(202);
    assertThat(trapped.json().asJsonObject().getString("status"))
        .isEqualTo(genuine.json().asJsonObject().getString("status"));
    mail.await(m -> m.to().equals("starosta@velecin.example"), MAIL_PATIENCE);
    assertThat(mail.receivedBy(email)).isEmpty();
    assertThat(applicationsOf(VSEHRDY)).isZero();
  }

  @Test
  void aSecondApplicationOfTheSameMunicipalityGetsTheSameAnswerAndBlocksNothing() {
    Api.Response first = apply(api, UJEZD, "first@ujezd.example");
    Api.Response second =
        apply(api.asClient(Api.someClientAddress()), UJEZD, "second@ujezd.example");

    assertThat(second.status()).isEqualTo(first.status()).isEqualTo(202);
    assertThat(second.body()).isEqualTo(first.body());

    confirm(tokenSentTo("first@ujezd.example"));
    Api.Response afterFirstConfirmed =
        apply(api.asClient(Api.someClientAddress()), UJEZD, "third@ujezd.example");
    assertThat(afterFirstConfirmed.body())
        .as("a waiting application stays secret")
        .isEqualTo(first.body());

    // The real applicant confirms too: the admin sees both and decides.
    assertThat(confirm(tokenSentTo("second@ujezd.example")).status()).isEqualTo(200);
    assertThat(waiting())
        .filteredOn(a -> a.getString("code").equals(UJEZD))
        .extracting(a -> a.getString("email", ""))
        .containsExactlyInAnyOrder("first@ujezd.example", "second@ujezd.example");
  }

  @Test
  void anUnconfirmedApplicationIsNotTakenAndItsLinkWorksOnceUntilItExpires() throws Exception {
    String email = "starosta@liblin.example";
    apply(api, LIBLIN, email);
    String token = tokenSentTo(email);
    assertThat(waiting()).noneMatch(a -> a.getString("email", "").equals(email));

    assertThat(confirm("A".repeat(43)).status()).isEqualTo(404);
    assertThat(confirm("not a token").status()).isEqualTo(404);
    Api.Response confirmed = confirm(token);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    Api.Response again = confirm(token);
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("used already");

    String late = "late@liblin.example";
    apply(api, LIBLIN, late);
    String lateToken = tokenSentTo(late);
    expireConfirmationsOf(late);
    Api.Response expired = confirm(lateToken);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("expired");
    assertThat(waiting()).noneMatch(a -> a.getString("email", "").equals(late));
  }

  @Test
  void anEmailFieldTakesExactlyOneAddress() {
    for (String notOne :
        List.of(
            "a@b.example, c@d.example",
            "a@b.example;c@d.example",
            "Jana <a@b.example>",
            "a@b.example\nBcc: c@d.example",
            "a b@c.example",
            "@b.example",
            "a@b")) {
      Api.Response r = apply(api.asClient(Api.someClientAddress()), LISNA, notOne);
      assertThat(r.status()).as(notOne).isEqualTo(400);
      assertThat(r.body()).as(notOne).contains("\"field\":\"email\"");
    }
  }

  @Test
  void theJoinPageLeavesNoSessionBehindAVisitorWhoOnlyReadsIt() {
    Api.Response page = api.get("/smopk/join", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(page.body()).contains("name=\"join:website\"");
  }

  private Api.Response apply(Api client, String code, String email) {
    return client.post(PATH, null, "application/json", application(code, email).build().toString());
  }

  private Api.Response confirm(String token) {
    return api.post(
        PATH + "/confirmation",
        null,
        "application/json",
        Json.createObjectBuilder().add("token", token).build().toString());
  }

  private String tokenSentTo(String email) {
    MailServer.Mail m =
        mail.await(x -> x.to().equals(email) && x.body().contains("token="), MAIL_PATIENCE);
    Matcher token = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(m.body());
    assertThat(token.find()).as(m.body()).isTrue();
    return token.group(1);
  }

  private static JsonObjectBuilder application(String code, String email) {
    return Json.createObjectBuilder()
        .add("code", code)
        .add("applicantName", "Jana Nováková")
        .add("email", email)
        .add("consent", true)
        .add("language", "cs");
  }

  private List<JsonObject> waiting() {
    Api.Response r = api.get(PATH + "?limit=500", Tokens.accessToken(SMOPK_ADMIN));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonArray().getValuesAs(JsonObject.class);
  }

  private static int applicationsOf(String code) {
    return countAsSmopk("SELECT count(*) FROM membership_application WHERE code = ?", code);
  }

  /** Lets time pass for one applicant's link: its expiry moves into the past. */
  private static void expireConfirmationsOf(String email) throws Exception {
    try (Connection c = smopkConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE email_confirmation SET created_at = created_at - interval '3 days',"
                    + " expires_at = now() - interval '1 second'"
                    + " WHERE target_id IN (SELECT id FROM membership_application"
                    + " WHERE applicant_email = ?)")) {
      ps.setString(1, email);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static int countAsSmopk(String sql, String parameter) {
    try (Connection c = smopkConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection smopkConnection() throws java.sql.SQLException {
    Connection c = TestStack.get().database().app();
    try (PreparedStatement tenant =
        c.prepareStatement("SELECT set_config('app.tenant_id', 'smopk', false)")) {
      tenant.execute();
    }
    return c;
  }
}
