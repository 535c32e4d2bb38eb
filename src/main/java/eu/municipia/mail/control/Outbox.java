package eu.municipia.mail.control;

import eu.municipia.mail.entity.OutboxAttachment;
import eu.municipia.mail.entity.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

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
