package eu.municipia.newsletter.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.newsletter.entity.Bounce;
import eu.municipia.newsletter.entity.Subscriber;
import eu.municipia.platform.entity.EmailAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail that came back, from the provider's webhook or the bounce mailbox: recorded, and a hard
 * bounce or a complaint suppresses the address (never mailed again) with the reason, which the
 * editors see on the subscriber list.
 */
@ApplicationScoped
@Transactional
public class Bounces {

  /** The outbox's Message-ID: its message id and the association ("<id.smopk@municipia>"). */
  public static final Pattern MESSAGE_ID =
      Pattern.compile(
          "<?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([a-z][a-z0-9-]{1,39})@municipia>?");

  static final Caller BOUNCES =
      new Caller("bounces", "bounces", "bounces", "Bounce handling", null, Set.of(), false);

  @Inject EntityManager em;
  @Inject Subscribers subscribers;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A Message-ID of ours: the message and its association. */
  public record OurMessage(UUID id, String tenant) {

    public static Optional<OurMessage> parse(String messageId) {
      if (messageId == null) {
        return Optional.empty();
      }
      Matcher m = MESSAGE_ID.matcher(messageId.trim());
      return m.find()
          ? Optional.of(new OurMessage(UUID.fromString(m.group(1)), m.group(2)))
          : Optional.empty();
    }
  }

  /** Records what came back for the address (in the current association) and acts on it. */
  public void record(
      String email, Bounce.Kind kind, String reason, UUID messageId, Bounce.Source source) {
    String address = email == null ? null : email.trim();
    if (address == null || !EmailAddress.isValid(address)) {
      address = recipientOf(messageId).orElse(null);
    }
    if (address == null) {
      throw eu.municipia.platform.entity.Refusal.invalid("email", "newsletter.error.email");
    }
    Instant now = Instant.now(clock);
    Bounce bounce = new Bounce(address, kind, reason, messageId, source, now);
    em.persist(bounce);
    if (!kind.suppresses()) {
      return;
    }
    String normalized = bounce.email();
    Subscriber subscriber =
        subscribers
            .find(normalized)
            .orElseGet(
                () -> {
                  Subscriber made = Subscriber.official(new EmailAddress(normalized), null, now);
                  em.persist(made);
                  return made;
                });
    var before = subscriber.auditState();
    subscriber.suppress(
        kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + bounce.reason(), now);
    audit.record(
        BOUNCES,
        "subscriber.suppressed",
        "subscriber",
        subscriber.id().toString(),
        before,
        subscriber.auditState());
  }

  private Optional<String> recipientOf(UUID messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    return em.createQuery("SELECT m.recipient FROM OutboxMessage m WHERE m.id = :id", String.class)
        .setParameter("id", messageId)
        .getResultStream()
        .findFirst();
  }
}
