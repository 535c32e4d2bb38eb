package eu.municipia.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.devstack.PayaraServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.StartTestStack;
import eu.municipia.testing.TestStack;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A newsletter send that loses nothing and sends nothing twice: an issue goes to some hundred
 * subscribers; midway the SMTP server stops (mail waits in the outbox), the app is killed without a
 * shutdown while mail waits, and a new instance takes over; when the SMTP server is back every
 * subscriber has a message, exactly one except where the server went away while it was taking one
 * (see below), its Message-ID is the same as any earlier attempt's, and the send's progress shows
 * every message sent and none waiting or given up. Not an Arquillian test: it kills the app and
 * starts another, as a crash and a restart would (see ImportCrashIT).
 */
@ExtendWith(StartTestStack.class)
class NewsletterDeliveryIT {

  private static final Logger LOG = Logger.getLogger(NewsletterDeliveryIT.class.getName());

  static final int SUBSCRIBERS = 400;
  static final int WORKERS = 4; // outbox.workers' default
  static final Duration PATIENCE = Duration.ofMinutes(4);

  private PayaraServer app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    TestStack.get().mail().start();
  }

  @Test
  void everySubscriberGetsExactlyOneMessageThroughAnSmtpOutageAndARestart() throws Exception {
    MailServer mail = TestStack.get().mail().start();
    app = start("a");
    Api api = new Api(URI.create(app.url()));
    String editor = NewsletterSends.editorToken();
    String prefix = NewsletterSends.subscribers(SUBSCRIBERS);
    String number = NewsletterSends.issue(api, editor);

    int already = mail.count();
    int recipients = NewsletterSends.publish(api, editor, number);
    assertThat(recipients).isGreaterThanOrEqualTo(SUBSCRIBERS);
    // Counted, not parsed, and often: on an idle machine the whole send takes about a second, and
    // reading every message on each look let it finish before the server could be stopped.
    Instant deadline = Instant.now().plus(PATIENCE);
    while (mail.count() - already < SUBSCRIBERS / 4 && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }

    // The SMTP server goes away midway; what it had received up to the stop is kept here.
    List<MailServer.Mail> before = new ArrayList<>(mail.stopAndTake());
    int deliveredBefore = mine(before, prefix, number);
    assertThat(deliveredBefore).as("the outage comes midway").isLessThan(SUBSCRIBERS);

    // The app dies while mail waits for the server, and a new instance takes over.
    Thread.sleep(3000);
    app.kill();
    long restarting = System.nanoTime();
    app = start("b");
    mail.start();
    long restarted = System.nanoTime();

    await(
        () -> deliveredBefore + mine(mail.received(), prefix, number) >= SUBSCRIBERS,
        "every subscriber's message");
    LOG.info(
        () ->
            String.format(
                "%d of %d messages sent before the outage; the new instance was up %d s after"
                    + " the kill and had sent the rest %d s later",
                deliveredBefore,
                SUBSCRIBERS,
                Duration.ofNanos(restarted - restarting).toSeconds(),
                Duration.ofNanos(System.nanoTime() - restarted).toSeconds()));
    Thread.sleep(5000); // more polls of the outbox, which must not send anything again
    List<MailServer.Mail> all = new ArrayList<>(before);
    all.addAll(mail.received());
    Map<String, Integer> counts = NewsletterSends.perRecipient(all, prefix, number);
    assertThat(counts).hasSize(SUBSCRIBERS);
    // SMTP's one ambiguity (RFC 1047): a message whose data the server had taken when it went
    // away, but whose "250 OK" never reached the app, counts as not sent and goes again, with the
    // same Message-ID. At most one per worker (each has one message on the wire), and only at the
    // outage: nothing the app knew as sent goes twice, not after the kill and the restart either.
    Map<String, Integer> afterOutage =
        NewsletterSends.perRecipient(mail.received(), prefix, number);
    Map<String, Integer> beforeOutage = NewsletterSends.perRecipient(before, prefix, number);
    List<String> twice = NewsletterSends.duplicated(counts);
    assertThat(twice).as("recipients with two messages").hasSizeLessThanOrEqualTo(WORKERS);
    for (String recipient : twice) {
      assertThat(beforeOutage.get(recipient))
          .as(recipient + ": one copy on the wire when the server went away")
          .isEqualTo(1);
      assertThat(afterOutage.get(recipient)).as(recipient + ": one copy after it").isEqualTo(1);
    }
    Map<String, String> ids = new HashMap<>();
    for (MailServer.Mail m : all) {
      if (m.to().startsWith(prefix)) {
        String earlier = ids.putIfAbsent(m.to(), m.messageId());
        assertThat(earlier == null || earlier.equals(m.messageId())).isTrue();
      }
    }
    // The send's own record agrees: every message sent, none waiting, none given up.
    Api after = new Api(URI.create(app.url()));
    Api.Response progress =
        after.get(
            "/api/v1/tenants/smopk/magazine/issues/" + number + "/send",
            NewsletterSends.editorToken());
    assertThat(progress.status()).as(progress.body()).isEqualTo(200);
    JsonObject send = progress.json().asJsonObject();
    assertThat(send.getJsonNumber("sent").longValue()).isEqualTo(recipients);
    assertThat(send.getJsonNumber("queued").longValue()).isZero();
    assertThat(send.getJsonNumber("failed").longValue()).isZero();
  }

  private static int mine(List<MailServer.Mail> received, String prefix, String number) {
    return NewsletterSends.perRecipient(received, prefix, number).size();
  }

  private static PayaraServer start(String name) throws IOException {
    Path logs =
        Files.createDirectories(Path.of("target", "newsletter-delivery-it").toAbsolutePath());
    // The rest of the settings (database, Keycloak, SMTP) come from failsafe's environment.
    Map<String, String> env = new HashMap<>();
    env.put("SMTP_POLL_SECONDS", "1");
    // A message a killed instance had claimed is claimed again after this (well before the second
    // instance is up); a worker gives back what it has not sent after half of it. Not shorter: on
    // a busy machine one message may take seconds, and one still on the wire when the lease ends
    // could be claimed and sent by another worker too.
    env.put("OUTBOX_LEASE_SECONDS", "30");
    // The full JIT (not PayaraServer.FOR_ONE_TEST): the second instance sends some hundred mails.
    return PayaraServer.startThisBuild(PayaraServer.freePort(), env, logs.resolve(name + ".log"))
        .awaitReady();
  }

  private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      if (condition.get()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Waited in vain for " + what);
  }
}
