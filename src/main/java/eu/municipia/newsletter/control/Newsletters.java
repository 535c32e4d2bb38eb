package eu.municipia.newsletter.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.mail.control.Outbox;
import eu.municipia.mail.entity.OutboxContent;
import eu.municipia.newsletter.entity.NewsletterSend;
import eu.municipia.newsletter.entity.Subscriber;
import eu.municipia.platform.control.DatabaseLimits;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.control.UniqueKeys;
import eu.municipia.platform.entity.EmailAddress;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sending an issue as the newsletter: one message per active subscriber through the outbox, all
 * written in the transaction that publishes the issue (so none is lost and the send happens once
 * per issue), each with its own unsubscribe link, the RFC 8058 one-click header and a List-Id; a
 * test send to the editor first; the progress while it runs.
 */
@ApplicationScoped
@Transactional
public class Newsletters {

  @Inject EntityManager em;
  @Inject Subscribers subscribers;
  @Inject Outbox outbox;
  @Inject Links links;
  @Inject TenantContext tenants;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject DatabaseLimits limits;

  @Inject
  @ConfigProperty(name = "newsletter.list-domain", defaultValue = "municipia.localhost")
  String listDomain;

  /** How a send stands: its messages waiting, sent, given up, and bounced. */
  public record Progress(
      UUID send,
      int recipients,
      Instant startedAt,
      String startedBy,
      long queued,
      long sent,
      long failed,
      long bounced) {}

  /** How many would get the issue now (member officials included, who are on by default). */
  public long recipientCount() {
    subscribers.enrolOfficials();
    return subscribers.active().size();
  }

  /** Sends the mail to one address only (the editor's), as every subscriber will see it. */
  public NewsletterSend test(UUID issue, NewsletterMail mail, Caller editor) {
    if (editor.email() == null || !EmailAddress.isValid(editor.email())) {
      throw Refusal.invalid("email", "newsletter.error.noEmail");
    }
    NewsletterSend send =
        new NewsletterSend(issue, true, mail.subject(), 1, editor, Instant.now(clock));
    em.persist(send);
    em.flush();
    outbox.queueAll(
        content(mail, "[TEST] "),
        List.of(
            new Outbox.Recipient(
                editor.email(), Map.of("unsubscribe", "#", "oneClick", "#test-send"))),
        send.id());
    return send;
  }

  /**
   * Sends the issue to every active subscriber, once: a second send of the same issue is refused
   * (409) by the database, whoever asks.
   */
  public NewsletterSend send(UUID issue, NewsletterMail mail, Caller editor) {
    // Tens of thousands of messages written in this one transaction: the long limits, not a page's.
    limits.allowLongWork(em);
    subscribers.enrolOfficials();
    List<Subscriber> recipients = subscribers.active();
    NewsletterSend send =
        new NewsletterSend(
            issue, false, mail.subject(), recipients.size(), editor, Instant.now(clock));
    em.persist(send);
    UniqueKeys.flush(
        em,
        () -> Refusal.conflict("This issue was sent already.", "issue", "newsletter.error.sent"));
    Tenant tenant = tenants.current();
    Links.Site site = links.of(tenant);
    Links.Site api = links.apiOf(tenant);
    List<Outbox.Recipient> list = new ArrayList<>(recipients.size());
    for (Subscriber s : recipients) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put(
          "unsubscribe",
          site.page("/newsletter/unsubscribe", Map.of("token", s.token())).toString());
      values.put(
          "oneClick",
          api.page(
                  "/api/v1/tenants/" + tenant.id() + "/newsletter/unsubscribe",
                  Map.of("token", s.token()))
              .toString());
      list.add(new Outbox.Recipient(s.email(), values));
    }
    outbox.queueAll(content(mail, ""), list, send.id());
    audit.record(
        editor,
        "newsletter.sent",
        "issue",
        issue.toString(),
        null,
        Map.of("send", send.id().toString(), "recipients", recipients.size()));
    return send;
  }

  public Optional<Progress> progress(UUID issue) {
    return em.createNamedQuery(NewsletterSend.OF_ISSUE, NewsletterSend.class)
        .setParameter("issue", issue)
        .getResultStream()
        .findFirst()
        .map(
            send -> {
              Outbox.BatchProgress batch = outbox.progress(send.id());
              long bounced =
                  ((Number)
                          em.createNativeQuery(
                                  "SELECT count(DISTINCT b.message_id) FROM newsletter_bounce b"
                                      + " JOIN outbox_message m ON m.id = b.message_id"
                                      + " WHERE m.batch_id = ?1")
                              .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                              .setParameter(1, send.id())
                              .getSingleResult())
                      .longValue();
              return new Progress(
                  send.id(),
                  send.recipients(),
                  send.startedAt(),
                  send.startedByName(),
                  batch.queued(),
                  batch.sent(),
                  batch.failed(),
                  bounced);
            });
  }

  private OutboxContent content(NewsletterMail mail, String subjectPrefix) {
    Tenant tenant = tenants.current();
    String headers =
        "List-Unsubscribe: <{{oneClick}}>\n"
            + "List-Unsubscribe-Post: List-Unsubscribe=One-Click\n"
            + "List-Id: Magazin "
            + tenant.id()
            + " <"
            + tenant.id()
            + ".newsletter."
            + listDomain
            + ">\n"
            + "Precedence: bulk";
    return new OutboxContent(
        subjectPrefix + mail.subject(),
        mail.text(),
        mail.html(),
        headers,
        tenant.nameCs(),
        Instant.now(clock));
  }
}
