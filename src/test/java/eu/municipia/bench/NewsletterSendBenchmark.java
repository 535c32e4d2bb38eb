package eu.municipia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.newsletter.NewsletterSends;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A newsletter issue sent to 10,000 subscribers through the outbox to the test SMTP server
 * (GreenMail, in the test JVM on this machine): the time from the publishing request to the last
 * message accepted, the rate, and that nothing was lost or sent twice. The target is under 50 s
 * (listmonk's default configuration sends 100 messages a second); the benchmark reports the figure
 * and asserts only the correctness.
 */
@MunicipiaIT
class NewsletterSendBenchmark {

  static final int SUBSCRIBERS = 10_000;
  static final Duration PATIENCE = Duration.ofMinutes(10);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  @Test
  void tenThousandSubscribersGetTheIssueOnceEach() throws Exception {
    MailServer mail = TestStack.get().mail().start();
    Api api = new Api(Deployments.base(deployed));
    String editor = NewsletterSends.editorToken();
    String prefix = NewsletterSends.subscribers(SUBSCRIBERS);
    String number = NewsletterSends.issue(api, editor);
    int before = mail.count();

    long start = System.nanoTime();
    int recipients = NewsletterSends.publish(api, editor, number);
    long queued = System.nanoTime();
    long deadline = start + PATIENCE.toNanos();
    while (mail.count() - before < recipients && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    long done = System.nanoTime();
    Thread.sleep(3000); // anything sent twice would arrive now

    Map<String, Integer> counts = NewsletterSends.perRecipient(mail.received(), prefix, number);
    int lost = SUBSCRIBERS - counts.size();
    int duplicated = NewsletterSends.duplicated(counts).size();
    double seconds = (done - start) / 1e9;
    BenchResults.table(
            "Newsletter send (an issue to 10,000 subscribers through the outbox to GreenMail)",
            "recipients",
            "publish request s",
            "all accepted s",
            "messages/s",
            "lost",
            "duplicated")
        .row(
            BenchResults.number(recipients, 0),
            BenchResults.number((queued - start) / 1e9, 2),
            BenchResults.number(seconds, 1),
            BenchResults.number(recipients / seconds, 0),
            Integer.toString(lost),
            Integer.toString(duplicated));
    assertThat(lost).as("subscribers without their message").isZero();
    assertThat(duplicated).as("subscribers with two messages").isZero();
  }
}
