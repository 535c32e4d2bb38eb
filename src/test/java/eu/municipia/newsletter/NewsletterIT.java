package eu.municipia.newsletter;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static eu.municipia.testing.DemoUsers.TWO_ASSOCIATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The newsletter end to end at the test SMTP server: double opt-in, an issue sent to every active
 * subscriber once with an unsubscribe link, RFC 8058 one-click unsubscribe by a POST without
 * cookies, List-Id; bounces by the provider's webhook and by the bounce mailbox (a GreenMail IMAP
 * server of this test) suppress the address, and the editor sees why; who may do what. Each test
 * uses its own addresses and issue numbers.
 */
@MunicipiaIT
class NewsletterIT {

  static final String API = "/api/v1/tenants/smopk/newsletter";
  static final String ISSUES = "/api/v1/tenants/smopk/magazine/issues";
  static final String WEBHOOK_TOKEN = "test-webhook-token";
  static final Duration PATIENCE = Duration.ofSeconds(60);

  /** The bounce mailbox: GreenMail speaking IMAP (and SMTP, unused) beside the test SMTP. */
  static GreenMail bounceMailbox;

  static int bounceImapPort() {
    return Integer.parseInt(System.getenv("SMTP_PORT")) + 3;
  }

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.warWithSettings(
        Map.of(
            "newsletter.bounce-webhook-token", WEBHOOK_TOKEN,
            "newsletter.bounce-imap.host", "localhost",
            "newsletter.bounce-imap.port", Integer.toString(bounceImapPort()),
            "newsletter.bounce-imap.user", "bounces",
            "newsletter.bounce-imap.password", "bounces",
            "newsletter.bounce-imap.poll-seconds", "1"));
  }

  @BeforeAll
  static void startBounceMailbox() {
    bounceMailbox =
        new GreenMail(new ServerSetup(bounceImapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    bounceMailbox.start();
    bounceMailbox.setUser("bounces@municipia.localhost", "bounces", "bounces");
  }

  @AfterAll
  static void stopBounceMailbox() {
    if (bounceMailbox != null) {
      bounceMailbox.stop();
    }
  }

  @ArquillianResource URL deployed;
  Api api;
  String editor;
  MailServer mail;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed)).asClient(Api.someClientAddress());
    editor = Tokens.accessToken(TWO_ASSOCIATIONS);
    mail = TestStack.get().mail().start();
  }

  @Test
  void thePublicSubscribesWithDoubleOptIn() {
    String email = address("verejnost");
    Api.Response bad =
        api.post(API + "/subscriptions", null, "application/json", "{\"email\":\"nope\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"email\"", "\"field\":\"consent\"");

    assertThat(signUp(email).status()).isEqualTo(202);
    MailServer.Mail link =
        mail.await(
            m -> m.to().equals(email) && m.body().contains("/newsletter/confirm?token="), PATIENCE);
    assertThat(status(email)).isEqualTo("PENDING");
    String token = token(link.body());
    // Opening the link's page confirms nothing: mail scanners open links too.
    assertThat(api.get("/smopk/newsletter/confirm?token=" + token, null).status()).isEqualTo(200);
    assertThat(status(email)).isEqualTo("PENDING");

    Api.Response confirmed =
        api.post(
            API + "/subscriptions/confirmation",
            null,
            "application/json",
            "{\"token\":\"" + token + "\"}");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(status(email)).isEqualTo("ACTIVE");
    assertThat(
            api.post(
                    API + "/subscriptions/confirmation",
                    null,
                    "application/json",
                    "{\"token\":\"" + token + "\"}")
                .status())
        .as("a link works once")
        .isEqualTo(410);
    // Signing up again with a known address answers the same and sends nothing new.
    int before = mail.receivedBy(email).size();
    assertThat(signUp(email).status()).isEqualTo(202);
    sleep(2000);
    assertThat(mail.receivedBy(email)).hasSize(before);
  }

  @Test
  void anIssueReachesEverySubscriberOnceWithOneClickUnsubscribeThatNeedsNoCookie()
      throws Exception {
    String reader = subscribed(address("ctenar"));
    String leaver = subscribed(address("odchazejici"));
    String number = issueWithArticle();

    JsonObject count = api.get(ISSUES + "/" + number + "/recipients", editor).json().asJsonObject();
    assertThat(count.getInt("count")).isGreaterThanOrEqualTo(2);
    Api.Response test = api.post(ISSUES + "/" + number + "/test", editor, "application/json", "");
    assertThat(test.status()).as(test.body()).isEqualTo(202);
    MailServer.Mail testMail =
        mail.await(
            m -> m.to().equals("eva.mala@smopk.example") && m.subject().startsWith("[TEST]"),
            PATIENCE);
    assertThat(testMail.subject()).contains("Magazín " + number.replace('/', '/'));

    Api.Response sent =
        api.post(ISSUES + "/" + number + "/publication", editor, "application/json", "");
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(
            api.post(ISSUES + "/" + number + "/publication", editor, "application/json", "")
                .status())
        .as("an issue is sent once")
        .isEqualTo(409);

    MailServer.Mail received =
        mail.await(m -> m.to().equals(reader) && m.subject().contains(number), PATIENCE);
    assertThat(received.html()).contains("Zrušit odběr", "/smopk/newsletter/unsubscribe?token=");
    assertThat(received.body()).contains("/smopk/newsletter/unsubscribe?token=");
    assertThat(received.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(received.header("List-Id")).contains("<smopk.newsletter.");
    assertThat(received.messageId()).matches("<[0-9a-f-]{36}\\.smopk@municipia>");
    String oneClick = between(received.header("List-Unsubscribe"), "<", ">");
    assertThat(oneClick).startsWith(Deployments.base(deployed) + API + "/unsubscribe?token=");

    awaitProgressDone(number);
    assertThat(mail.receivedBy(reader).stream().filter(m -> m.subject().contains(number)))
        .hasSize(1);

    // One click from the leaver's mail client: a POST, no cookie, no login.
    MailServer.Mail leaverMail =
        mail.await(m -> m.to().equals(leaver) && m.subject().contains(number), PATIENCE);
    String leaverClick = between(leaverMail.header("List-Unsubscribe"), "<", ">");
    HttpResponse<String> click =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(leaverClick))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(click.statusCode()).as(click.body()).isEqualTo(200);
    assertThat(status(leaver)).isEqualTo("UNSUBSCRIBED");

    String next = issueWithArticle();
    api.post(ISSUES + "/" + next + "/publication", editor, "application/json", "");
    mail.await(m -> m.to().equals(reader) && m.subject().contains(next), PATIENCE);
    awaitProgressDone(next);
    assertThat(mail.receivedBy(leaver).stream().filter(m -> m.subject().contains(next))).isEmpty();
    assertThat(api.post(API + "/unsubscribe?token=nope", null, "text/plain", "").status())
        .isEqualTo(404);
  }

  @Test
  void aHardBounceFromTheWebhookSuppressesTheAddressAndTheEditorSeesWhy() {
    String hard = subscribed(address("tvrdy"));
    String soft = subscribed(address("mekky"));
    String body =
        Json.createObjectBuilder()
            .add("email", hard)
            .add("type", "hard")
            .add("reason", "550 5.1.1 mailbox unknown")
            .build()
            .toString();
    assertThat(api.post(API + "/bounces", null, "application/json", body).status()).isEqualTo(401);
    assertThat(
            api.withHeader("X-Webhook-Token", "wrong")
                .post(API + "/bounces", null, "application/json", body)
                .status())
        .isEqualTo(401);
    Api hook = api.withHeader("X-Webhook-Token", WEBHOOK_TOKEN);
    assertThat(hook.post(API + "/bounces", null, "application/json", body).status()).isEqualTo(204);
    assertThat(
            hook.post(
                    API + "/bounces",
                    null,
                    "application/json",
                    "{\"email\":\"" + soft + "\",\"type\":\"soft\",\"reason\":\"mailbox full\"}")
                .status())
        .isEqualTo(204);
    assertThat(hook.post(API + "/bounces", null, "application/json", "{\"type\":\"odd\"}").status())
        .isEqualTo(400);

    JsonObject suppressed = subscriber(hard);
    assertThat(suppressed.getString("status")).isEqualTo("SUPPRESSED");
    assertThat(suppressed.getString("suppressionReason")).contains("550 5.1.1 mailbox unknown");
    assertThat(status(soft)).isEqualTo("ACTIVE");
    String page = sessionless("/smopk/editor/subscribers?status=SUPPRESSED");
    assertThat(page).isNotNull();
  }

  @Test
  void aBounceInTheBounceMailboxSuppressesTheAddress() throws Exception {
    String bouncing = subscribed(address("vracejici"));
    String number = issueWithArticle();
    api.post(ISSUES + "/" + number + "/publication", editor, "application/json", "");
    MailServer.Mail sent =
        mail.await(m -> m.to().equals(bouncing) && m.subject().contains(number), PATIENCE);

    GreenMailUser mailbox = bounceMailbox.getUserManager().getUser("bounces");
    mailbox.deliver(deliveryStatusNotification(bouncing, sent.messageId()));

    awaitStatus(bouncing, "SUPPRESSED");
    assertThat(subscriber(bouncing).getString("suppressionReason")).contains("5.1.1");
    JsonObject progress = api.get(ISSUES + "/" + number + "/send", editor).json().asJsonObject();
    assertThat(progress.getInt("bounced")).isEqualTo(1);
  }

  @Test
  void onlyTheAssociationsEditorsAndAdminsSeeTheListAndSend() {
    String official = Tokens.accessToken(SMOPK_OFFICIAL);
    String otherAdmin = Tokens.accessToken(SMOCR_ADMIN);
    assertThat(api.get(API + "/subscribers", null).status()).isEqualTo(401);
    assertThat(api.get(API + "/subscribers", official).status()).isEqualTo(403);
    assertThat(api.get(API + "/subscribers", otherAdmin).status()).isEqualTo(403);
    assertThat(api.get(API + "/subscribers", Tokens.accessToken(SMOPK_ADMIN)).status())
        .isEqualTo(200);
    assertThat(api.post(ISSUES, official, "application/json", "{}").status()).isEqualTo(403);
    assertThat(api.post(ISSUES + "/2026/1/publication", official, "application/json", "").status())
        .isEqualTo(403);
    assertThat(
            api.post(ISSUES + "/2026/1/publication", otherAdmin, "application/json", "").status())
        .isEqualTo(403);
    assertThat(api.get(ISSUES + "/2026/1/send", null).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/tenants/smocr/newsletter/subscribers", otherAdmin).body())
        .doesNotContain("smopk");
  }

  @Test
  void aSubscriptionIsInThePersonsDataExportAndGoesWithTheirErasure() {
    String email = subscribed(address("gdpr"));
    String admin = Tokens.accessToken(SMOPK_ADMIN);
    Api.Response export = api.get("/api/v1/tenants/smopk/personal-data?email=" + email, admin);
    assertThat(export.status()).as(export.body()).isEqualTo(200);
    assertThat(export.body()).contains("\"subscriptions\"", "\"status\":\"ACTIVE\"");
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
              assertThat(f.getString("name")).isEqualTo("subscriptions");
              assertThat(f.getInt("count")).isEqualTo(1);
            });
    assertThat(api.get(API + "/subscribers?limit=500", editor).body()).doesNotContain(email);
  }

  // --- helpers ---

  static String address(String who) {
    return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  Api.Response signUp(String email) {
    return api.post(
        API + "/subscriptions",
        null,
        "application/json",
        Json.createObjectBuilder().add("email", email).add("consent", true).build().toString());
  }

  /** Signs the address up and confirms it, as its owner would. */
  String subscribed(String email) {
    assertThat(signUp(email).status()).isEqualTo(202);
    MailServer.Mail link =
        mail.await(m -> m.to().equals(email) && m.body().contains("token="), PATIENCE);
    Api.Response r =
        api.post(
            API + "/subscriptions/confirmation",
            null,
            "application/json",
            "{\"token\":\"" + token(link.body()) + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return email;
  }

  /** A new issue (its own number) with one new published public article. */
  String issueWithArticle() {
    return NewsletterSends.issue(api, editor);
  }

  void awaitProgressDone(String number) {
    await(
        () -> {
          JsonObject p = api.get(ISSUES + "/" + number + "/send", editor).json().asJsonObject();
          return p.getInt("queued") == 0 && p.getInt("sent") == p.getInt("recipients");
        },
        "the send of " + number + " to finish");
  }

  JsonObject subscriber(String email) {
    return api
        .get(API + "/subscribers?q=" + email, editor)
        .json()
        .asJsonObject()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(s -> s.getString("email").equals(email))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no subscriber " + email));
  }

  String status(String email) {
    return subscriber(email).getString("status");
  }

  void awaitStatus(String email, String status) {
    await(() -> status.equals(status(email)), email + " to become " + status);
  }

  /** The page as an anonymous browser gets it (a login redirect for editor pages). */
  String sessionless(String path) {
    return api.get(path, null).body();
  }

  static void await(Supplier<Boolean> condition, String what) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      if (condition.get()) {
        return;
      }
      sleep(300);
    }
    throw new AssertionError("Waited in vain for " + what);
  }

  static String token(String body) {
    Matcher m = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(body);
    assertThat(m.find()).as("a link with a token in " + body).isTrue();
    return m.group(1);
  }

  static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  /** A delivery status notification (RFC 3464) as a mail server writes it for a lost message. */
  static MimeMessage deliveryStatusNotification(String recipient, String messageId)
      throws Exception {
    MimeMessage dsn = new MimeMessage(Session.getInstance(new Properties()));
    dsn.setFrom("MAILER-DAEMON@mx.example.org");
    dsn.setRecipients(jakarta.mail.Message.RecipientType.TO, "bounces@municipia.localhost");
    dsn.setSubject("Undelivered Mail Returned to Sender");
    MimeBodyPart human = new MimeBodyPart();
    human.setText("This is the mail system. Your message could not be delivered.");
    MimeBodyPart status = new MimeBodyPart();
    status.setText(
        "Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; "
            + recipient
            + "\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n");
    MimeBodyPart headers = new MimeBodyPart();
    headers.setText("Message-ID: " + messageId + "\nSubject: Magazín\n");
    dsn.setContent(new MimeMultipart("report", human, status, headers));
    dsn.saveChanges();
    return dsn;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
