package eu.municipia.mail.control;

import eu.municipia.mail.entity.OutboxAttachment;
import eu.municipia.mail.entity.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one due message of the current tenant per transaction. The row stays locked (FOR UPDATE
 * SKIP LOCKED) while it is sent, so replicas and overlapping runs never take the same message; a
 * failure is recorded on the row and retried later.
 */
@ApplicationScoped
public class OutboxSender {

  private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

  // Native, because JPQL cannot say SKIP LOCKED; row-level security keeps it to the tenant.
  private static final String NEXT_DUE =
      "SELECT id FROM outbox_message WHERE sent_at IS NULL AND failed_at IS NULL"
          + " AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at"
          + " LIMIT 1 FOR UPDATE SKIP LOCKED";

  @Inject EntityManager em;
  @Inject MailTransport transport;
  @Inject Clock clock;
  @Inject OutboxMetrics metrics;

  /** Sends the next due message; false when none is due. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean sendNext() {
    List<?> due =
        em.createNativeQuery(NEXT_DUE)
            .setHint("eclipselink.jdbc.allow-native-sql-query", true)
            .setParameter(1, java.sql.Timestamp.from(Instant.now(clock)))
            .getResultList();
    if (due.isEmpty()) {
      return false;
    }
    // The row is locked by this transaction now; the entity is read through the tenant's filter.
    OutboxMessage message = em.find(OutboxMessage.class, UUID.fromString(due.get(0).toString()));
    try {
      transport.send(
          message,
          em.createNamedQuery(OutboxAttachment.OF_MESSAGE, OutboxAttachment.class)
              .setParameter("message", message.id())
              .getResultStream()
              .map(OutboxAttachment::file)
              .toList());
      message.sent(Instant.now(clock));
      metrics.sent();
    } catch (MailTransport.SendFailedException e) {
      message.attemptFailed(e.getMessage(), Instant.now(clock));
      metrics.attemptFailed(!message.isPending());
      LOG.log(
          message.isPending() ? Level.WARNING : Level.SEVERE,
          "E-mail {0} not sent (attempt {1}): {2}",
          new Object[] {message.id(), message.attempts(), e.getMessage()});
    }
    return true;
  }

  /** How many of the current association's messages wait, and since when the oldest. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Waiting waiting() {
    Object[] row =
        em.createQuery(
                "SELECT COUNT(m), MIN(m.createdAt) FROM OutboxMessage m"
                    + " WHERE m.sentAt IS NULL AND m.failedAt IS NULL",
                Object[].class)
            .getSingleResult();
    return new Waiting(((Number) row[0]).longValue(), (Instant) row[1]);
  }

  /** Messages waiting and the creation time of the oldest (null when none). */
  public record Waiting(long count, Instant oldest) {}
}
