package eu.municipia.mail.control;

import eu.municipia.mail.entity.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Queues e-mail in the caller's transaction; it leaves only if that transaction commits. */
@ApplicationScoped
public class Outbox {

  /** Fired with every queued message; the worker hears it after commit and sends at once. */
  public record Queued() {}

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
