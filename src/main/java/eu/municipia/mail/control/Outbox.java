package eu.municipia.mail.control;

import eu.municipia.mail.entity.OutboxAttachment;
import eu.municipia.mail.entity.OutboxContent;
import eu.municipia.mail.entity.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

/** Queues e-mail in the caller's transaction; it leaves only if that transaction commits. */
@ApplicationScoped
public class Outbox {

  /** Fired with every queued message; the worker hears it after commit and sends at once. */
  public record Queued() {}

  /** One recipient of a shared text, with the values of its placeholders. */
  public record Recipient(String address, Map<String, String> values) {}

  static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  // One Jsonb for the application: creating one per call costs a ServiceLoader lookup.
  static final Jsonb JSON = JsonbBuilder.create();

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Event<Queued> queued;

  @Transactional(Transactional.TxType.MANDATORY)
  public OutboxMessage queue(String recipient, String subject, String body) {
    OutboxMessage message = new OutboxMessage(recipient, subject, body, Instant.now(clock));
    em.persist(message);
    queued.fire(new Queued());
    return message;
  }

  /** Queues a message with files attached (sent as multipart/mixed). */
  @Transactional(Transactional.TxType.MANDATORY)
  public OutboxMessage queue(
      String recipient, String subject, String body, List<OutboxAttachment.File> files) {
    OutboxMessage message = queue(recipient, subject, body);
    for (int i = 0; i < files.size(); i++) {
      em.persist(new OutboxAttachment(message.id(), i, files.get(i)));
    }
    return message;
  }

  /**
   * Queues the message whose subject and body are {@code key.subject} and {@code key.body} of the
   * texts, formatted with the arguments (MessageFormat) in the texts' language.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public OutboxMessage queue(
      String recipient, ResourceBundle texts, String key, Object... arguments) {
    Locale locale = texts.getLocale();
    return queue(
        recipient,
        new MessageFormat(texts.getString(key + ".subject"), locale).format(arguments),
        new MessageFormat(texts.getString(key + ".body"), locale).format(arguments));
  }

  /**
   * Queues one message per recipient of a text they share, in one statement however many there are,
   * all belonging to the batch (a newsletter send, whose progress they report). Each message has
   * its own id, which is its Message-ID at every attempt.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int queueAll(OutboxContent content, List<Recipient> recipients, UUID batch) {
    em.persist(content);
    em.flush();
    if (recipients.isEmpty()) {
      return 0;
    }
    Instant now = Instant.now(clock);
    String[] ids = new String[recipients.size()];
    String[] addresses = new String[recipients.size()];
    String[] values = new String[recipients.size()];
    for (int i = 0; i < recipients.size(); i++) {
      ids[i] = UUID.randomUUID().toString();
      addresses[i] = recipients.get(i).address();
      values[i] = JSON.toJson(recipients.get(i).values());
    }
    Connection connection = em.unwrap(Connection.class);
    try {
      Array idArray = connection.createArrayOf("uuid", ids);
      Array addressArray = connection.createArrayOf("text", addresses);
      Array valueArray = connection.createArrayOf("text", values);
      int inserted =
          em.createNativeQuery(
                  "INSERT INTO outbox_message (id, tenant_id, created_at, recipient, subject, body,"
                      + " attempts, next_attempt_at, content_id, variables, batch_id)"
                      + " SELECT r.id, current_setting('app.tenant_id'), ?1, r.address, ?2, '', 0,"
                      + " ?1, ?3, r.vars, ?4"
                      + " FROM unnest(?5, ?6, ?7) AS r(id, address, vars)")
              .setHint(NATIVE, true)
              .setParameter(1, Timestamp.from(now))
              .setParameter(2, content.subject())
              .setParameter(3, content.id())
              .setParameter(4, batch)
              .setParameter(5, idArray)
              .setParameter(6, addressArray)
              .setParameter(7, valueArray)
              .executeUpdate();
      queued.fire(new Queued());
      return inserted;
    } catch (SQLException e) {
      throw new IllegalStateException("The messages could not be queued", e);
    }
  }

  /**
   * Gives up the messages of batches to this address that have not left yet (the recipient
   * unsubscribed); answers how many.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int cancelBatchMail(String recipient, String why) {
    List<OutboxMessage> pending =
        em.createQuery(
                "SELECT m FROM OutboxMessage m WHERE LOWER(m.recipient) = :r"
                    + " AND m.batchId IS NOT NULL AND m.sentAt IS NULL AND m.failedAt IS NULL",
                OutboxMessage.class)
            .setParameter("r", recipient.toLowerCase(Locale.ROOT))
            .getResultList();
    Instant now = Instant.now(clock);
    pending.forEach(m -> m.cancel(why, now));
    return pending.size();
  }

  /** How the messages of a batch stand: waiting, sent, given up. */
  public record BatchProgress(long total, long queued, long sent, long failed) {}

  @Transactional
  public BatchProgress progress(UUID batch) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*), count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL),"
                        + " count(*) FILTER (WHERE sent_at IS NOT NULL),"
                        + " count(*) FILTER (WHERE failed_at IS NOT NULL)"
                        + " FROM outbox_message WHERE batch_id = ?1")
                .setHint(NATIVE, true)
                .setParameter(1, batch)
                .getSingleResult();
    return new BatchProgress(
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue(),
        ((Number) row[3]).longValue());
  }

  /** The current tenant's messages to one address, newest first (for support and for tests). */
  @Transactional
  public List<OutboxMessage> to(String recipient) {
    return em.createQuery(
            "SELECT m FROM OutboxMessage m WHERE m.recipient = :r ORDER BY m.createdAt DESC",
            OutboxMessage.class)
        .setParameter("r", recipient)
        .getResultList();
  }
}
