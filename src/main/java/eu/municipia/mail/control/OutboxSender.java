package eu.municipia.mail.control;

import eu.municipia.mail.entity.OutboxAttachment;
import eu.municipia.mail.entity.OutboxContent;
import eu.municipia.mail.entity.OutboxMessage;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbox's three short transactions around sending: claim a batch of due messages of the
 * current tenant (a lease: FOR UPDATE SKIP LOCKED, so workers and replicas never claim the same
 * message, and a message whose worker died is claimed again when its lease ends); record one
 * message as sent, right after the SMTP server accepted it; record failed attempts, which the
 * message turns into its next try; give back untried messages as they were. No transaction is open
 * while a message is on the wire.
 */
@ApplicationScoped
public class OutboxSender {

  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

  // Native, because JPQL cannot say SKIP LOCKED; row-level security keeps it to the tenant. The
  // locked rows are picked once (a materialized CTE) and then updated by their keys: written as
  // "WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED)", the claims of several workers ran for
  // seconds each near the end of a 10,000-message send and hit the 5 s statement timeout
  // (DatabaseLimits), so the last 1,600 messages stopped (NewsletterSendBenchmark).
  private static final String CLAIM =
      "WITH due AS MATERIALIZED ("
          + " SELECT id FROM outbox_message WHERE sent_at IS NULL AND failed_at IS NULL"
          + " AND next_attempt_at <= ?2 AND (claimed_until IS NULL OR claimed_until < ?2)"
          + " ORDER BY next_attempt_at, created_at LIMIT ?3 FOR UPDATE SKIP LOCKED)"
          + " UPDATE outbox_message m SET claimed_until = ?1 FROM due WHERE m.id = due.id"
          + " RETURNING m.id";

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject TenantContext tenants;
  @Inject OutboxMetrics metrics;

  /**
   * Messages a worker holds until {@code until}, ready to send. The lease's end, which the database
   * stores exactly (microseconds), also tells this claim from a later one of the same messages.
   */
  public record Claim(List<MailTransport.Envelope> envelopes, Instant until) {}

  /** Claims up to {@code size} due messages for the lease. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Claim claim(int size, Duration lease) {
    Instant now = Instant.now(clock);
    Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS);
    List<?> ids =
        em.createNativeQuery(CLAIM)
            .setHint(Outbox.NATIVE, true)
            .setParameter(1, Timestamp.from(until))
            .setParameter(2, Timestamp.from(now))
            .setParameter(3, size)
            .getResultList();
    if (ids.isEmpty()) {
      return new Claim(List.of(), until);
    }
    List<UUID> claimed = ids.stream().map(id -> UUID.fromString(id.toString())).toList();
    List<OutboxMessage> messages =
        em.createQuery("SELECT m FROM OutboxMessage m WHERE m.id IN :ids", OutboxMessage.class)
            .setParameter("ids", claimed)
            .getResultList();
    String tenant = tenants.current().id();
    Map<UUID, OutboxContent> contents = new HashMap<>();
    Map<UUID, List<OutboxAttachment.File>> files = attachments(messages);
    List<MailTransport.Envelope> envelopes = new ArrayList<>(messages.size());
    for (OutboxMessage m : messages) {
      if (m.contentId() == null) {
        envelopes.add(
            new MailTransport.Envelope(
                m.id(),
                tenant,
                m.recipient(),
                m.subject(),
                m.body(),
                null,
                Map.of(),
                null,
                files.getOrDefault(m.id(), List.of())));
        continue;
      }
      OutboxContent content =
          contents.computeIfAbsent(m.contentId(), id -> em.find(OutboxContent.class, id));
      Map<String, String> values = values(m.variables());
      envelopes.add(
          new MailTransport.Envelope(
              m.id(),
              tenant,
              m.recipient(),
              OutboxContent.fill(content.subject(), values, false),
              OutboxContent.fill(content.body(), values, false),
              OutboxContent.fill(content.htmlBody(), values, true),
              headers(OutboxContent.fill(content.headers(), values, false)),
              content.fromName()));
    }
    return new Claim(envelopes, until);
  }

  /** The SMTP server accepted the message: it is sent, and never sent again. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void sent(UUID id) {
    em.createNativeQuery(
            "UPDATE outbox_message SET sent_at = ?1, claimed_until = NULL, last_error = NULL"
                + " WHERE id = ?2")
        .setHint(Outbox.NATIVE, true)
        .setParameter(1, Timestamp.from(Instant.now(clock)))
        .setParameter(2, id)
        .executeUpdate();
    metrics.sent();
  }

  /**
   * Gives back messages of a claim that were not tried (the worker ran short of its lease, or lost
   * the SMTP server before their turn): due again at once, for any worker, and not an attempt, so
   * their wait does not grow. A message claimed again since (the lease ended) is left alone.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(Collection<UUID> ids, Instant claimedUntil) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      em.createNativeQuery(
              "UPDATE outbox_message SET claimed_until = NULL"
                  + " WHERE id = ANY(?1) AND claimed_until = ?2 AND sent_at IS NULL")
          .setHint(Outbox.NATIVE, true)
          .setParameter(
              1,
              em.unwrap(Connection.class)
                  .createArrayOf("uuid", ids.stream().map(UUID::toString).toArray()))
          .setParameter(2, Timestamp.from(claimedUntil))
          .executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("The messages could not be given back", e);
    }
  }

  /** The attempts failed: each message decides when to try again, or gives up. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(Collection<UUID> ids, String error) {
    Instant now = Instant.now(clock);
    for (UUID id : ids) {
      OutboxMessage message = em.find(OutboxMessage.class, id);
      if (message == null || !message.isPending()) {
        continue;
      }
      message.attemptFailed(error, now);
      metrics.attemptFailed(!message.isPending());
      LOG.log(
          message.isPending() ? Level.WARNING : Level.SEVERE,
          "E-mail {0} not sent (attempt {1}): {2}",
          new Object[] {message.id(), message.attempts(), error});
    }
  }

  /**
   * The files of the single messages among these (a calendar file, a ticket), in their order, by
   * message; one query for the claim. Messages of a batch (a newsletter) have none.
   */
  private Map<UUID, List<OutboxAttachment.File>> attachments(List<OutboxMessage> messages) {
    List<UUID> single =
        messages.stream().filter(m -> m.contentId() == null).map(OutboxMessage::id).toList();
    Map<UUID, List<OutboxAttachment.File>> files = new HashMap<>();
    if (single.isEmpty()) {
      return files;
    }
    em.createNamedQuery(OutboxAttachment.OF_MESSAGES, OutboxAttachment.class)
        .setParameter("messages", single)
        .getResultStream()
        .forEach(a -> files.computeIfAbsent(a.messageId(), id -> new ArrayList<>()).add(a.file()));
    return files;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> values(String json) {
    return json == null ? Map.of() : Outbox.JSON.fromJson(json, LinkedHashMap.class);
  }

  private static Map<String, String> headers(String lines) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (lines != null) {
      for (String line : lines.split("\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
      }
    }
    return headers;
  }
}
