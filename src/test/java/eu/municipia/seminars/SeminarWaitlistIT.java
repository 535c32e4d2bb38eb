package eu.municipia.seminars;

import static eu.municipia.seminars.SeminarApi.LINKS;
import static eu.municipia.seminars.SeminarApi.MAIL_PATIENCE;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waitlist moves by itself, every step told by mail and checked in GreenMail: a freed place is
 * offered to the first in line only (held until the offer expires), a declined offer passes to the
 * next, an offer nobody answers expires by the scheduled job (the shared app runs it every second;
 * tests move the deadline into the past instead of waiting 48 hours), and an accepted offer is
 * confirmed with tickets.
 */
@MunicipiaIT
class SeminarWaitlistIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    // The shared app: it runs the seminars' jobs every second (SharedApp).
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  SeminarApi seminars;
  MailServer mail;
  String official;
  String run;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed));
    seminars = new SeminarApi(api, Tokens.accessToken(SMOPK_ADMIN));
    official = Tokens.accessToken(SMOPK_OFFICIAL);
    mail = TestStack.get().mail().start();
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aFreedPlaceGoesToTheFirstInLineADeclineToTheNextAndAnUnansweredOfferExpires() {
    UUID event = seminars.create(seminars.event("Čekací listina " + run, 1, 30, "MEMBERS"));
    String a = register(event, "a");
    String b = register(event, "b");
    String c = register(event, "c");
    assertThat(status(event, b)).isEqualTo("WAITING");
    mail.await(m -> m.to().equals(b) && m.subject().contains("mezi náhradníky"), MAIL_PATIENCE);
    MailServer.Mail waitingC =
        mail.await(m -> m.to().equals(c) && m.subject().contains("mezi náhradníky"), MAIL_PATIENCE);
    assertThat(waitingC.body()).contains("2. v pořadí");

    // A cancels: the place is offered to B, the first in line, and to nobody else.
    String manageA = SeminarApi.token(mail, a, "/seminars/registration", "je potvrzena");
    assertThat(cancel(manageA).status()).isEqualTo(200);
    MailServer.Mail offerB =
        mail.await(
            m -> m.to().equals(b) && m.subject().contains("uvolnilo se místo"), MAIL_PATIENCE);
    assertThat(offerB.body()).contains("Držíme je pro vás do");
    assertThat(status(event, b)).isEqualTo("OFFERED");
    assertThat(status(event, c)).isEqualTo("WAITING");
    JsonObject offered = seminars.registration(event, b);
    Instant until = Instant.parse(offered.getString("offerExpiresAt"));
    assertThat(Duration.between(Instant.now(), until))
        .isBetween(Duration.ofHours(47), Duration.ofHours(48));
    assertThat(SeminarApi.mails(mail, c, "uvolnilo se místo"))
        .as("offered once at a time")
        .isEmpty();
    mail.await(m -> m.to().equals(a) && m.subject().contains("je zrušena"), MAIL_PATIENCE);

    // B declines: the place passes to C.
    String manageB = SeminarApi.token(offerB, "/seminars/registration");
    Api.Response declined =
        api.post(LINKS + "/offer", null, "application/json", answer(manageB, false));
    assertThat(declined.status()).as(declined.body()).isEqualTo(200);
    assertThat(declined.json().asJsonObject().getString("status")).isEqualTo("CANCELLED");
    mail.await(m -> m.to().equals(c) && m.subject().contains("uvolnilo se místo"), MAIL_PATIENCE);
    assertThat(status(event, c)).isEqualTo("OFFERED");
    assertThat(SeminarApi.mails(mail, b, "uvolnilo se místo")).hasSize(1);

    // Nobody answers C's offer: time passes and the scheduled job lets it expire, unasked.
    SeminarApi.update(
        "UPDATE seminar_registration SET offer_expires_at = now() - interval '1 minute'"
            + " WHERE seminar_id = ? AND status = 'OFFERED'",
        event);
    MailServer.Mail expired =
        mail.await(m -> m.to().equals(c) && m.subject().contains("vypršela"), MAIL_PATIENCE);
    assertThat(expired.body()).contains("nabídli dalšímu náhradníkovi");
    assertThat(status(event, c)).isEqualTo("CANCELLED");
    assertThat(seminars.registration(event, c).getString("cancelReason"))
        .isEqualTo("seminar.reason.offerExpired");
    assertThat(SeminarApi.mails(mail, c, "vypršela")).as("expired once").hasSize(1);

    // The place is free again: the next one to register gets it at once.
    String d = register(event, "d");
    assertThat(status(event, d)).isEqualTo("CONFIRMED");
  }

  @Test
  void anAcceptedOfferIsConfirmedWithTicketsAndAcceptingTwiceIsRefused() {
    UUID event = seminars.create(seminars.event("Přijatá nabídka " + run, 1, 31, "MEMBERS"));
    String a = register(event, "a");
    String b = register(event, "b");
    cancel(SeminarApi.token(mail, a, "/seminars/registration", "je potvrzena"));
    String manageB = SeminarApi.token(mail, b, "/seminars/registration", "uvolnilo se místo");

    Api.Response accepted =
        api.post(LINKS + "/offer", null, "application/json", answer(manageB, true));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().asJsonObject().getString("status")).isEqualTo("CONFIRMED");
    MailServer.Mail confirmed =
        mail.await(m -> m.to().equals(b) && m.subject().contains("je potvrzena"), MAIL_PATIENCE);
    assertThat(confirmed.attachments()).containsKey("event.ics");
    assertThat(confirmed.body()).contains("kód pro prezenci");

    Api.Response again =
        api.post(LINKS + "/offer", null, "application/json", answer(manageB, true));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("\"field\":\"offer\"");
  }

  @Test
  void theAdminMovesARegistrationWithAReasonThatIsAuditedAndMailed() {
    UUID event = seminars.create(seminars.event("Přesun " + run, 1, 32, "MEMBERS"));
    register(event, "a");
    String b = register(event, "b");
    String c = register(event, "c");
    JsonObject waitingC = seminars.registration(event, c);
    Api.Response noReason =
        api.post(
            SeminarApi.BASE + "/" + event + "/registrations/" + waitingC.getString("id") + "/move",
            Tokens.accessToken(SMOPK_ADMIN),
            "application/json",
            "{\"to\":\"FRONT\"}");
    assertThat(noReason.status()).isEqualTo(400);
    Api.Response moved =
        api.post(
            SeminarApi.BASE + "/" + event + "/registrations/" + waitingC.getString("id") + "/move",
            Tokens.accessToken(SMOPK_ADMIN),
            "application/json",
            "{\"to\":\"FRONT\",\"reason\":\"Přednášející obce\"}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().asJsonObject().getInt("position")).isEqualTo(1);
    assertThat(seminars.registration(event, b).getInt("position")).isEqualTo(2);
    MailServer.Mail told =
        mail.await(m -> m.to().equals(c) && m.subject().contains("změna přihlášky"), MAIL_PATIENCE);
    assertThat(told.body()).contains("Přednášející obce");
    Api.Response audit =
        api.get("/api/v1/tenants/smopk/audit?limit=50", Tokens.accessToken(SMOPK_ADMIN));
    assertThat(audit.body()).contains("seminar.moved").contains("Přednášející obce");

    Api.Response full =
        api.post(
            SeminarApi.BASE + "/" + event + "/registrations/" + waitingC.getString("id") + "/move",
            Tokens.accessToken(SMOPK_ADMIN),
            "application/json",
            "{\"to\":\"CONFIRM\",\"reason\":\"Přednost\"}");
    assertThat(full.status()).as("no free place: never oversold").isEqualTo(409);
  }

  private String register(UUID event, String who) {
    String email = who + "-" + run + "@cila.example";
    Api.Response r = seminars.register(event, official, SeminarApi.people(email, email));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return email;
  }

  private String status(UUID event, String email) {
    return seminars.registration(event, email).getString("status");
  }

  private Api.Response cancel(String token) {
    return api.post(
        LINKS + "/cancellation", null, "application/json", "{\"token\":\"" + token + "\"}");
  }

  private static String answer(String token, boolean accept) {
    return "{\"token\":\"" + token + "\",\"accept\":" + accept + "}";
  }
}
