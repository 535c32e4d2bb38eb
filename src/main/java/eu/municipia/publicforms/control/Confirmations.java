package eu.municipia.publicforms.control;

import eu.municipia.platform.entity.Refusal;
import eu.municipia.platform.entity.SecretTokens;
import eu.municipia.publicforms.entity.EmailConfirmation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Confirmation links of public forms: {@link #issue} makes a token for a thing waiting to be
 * confirmed (the caller mails the link with it), {@link #redeem} takes it back once. Tokens are
 * {@link SecretTokens}: the database keeps only their hash.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Confirmations {

  @Inject EntityManager em;
  @Inject Clock clock;

  /** A new token for the target, valid for the given time; only its hash is stored. */
  public String issue(String purpose, UUID target, Duration validFor) {
    String token = SecretTokens.newToken();
    Instant now = Instant.now(clock);
    em.persist(
        new EmailConfirmation(purpose, target, SecretTokens.hash(token), now, now.plus(validFor)));
    return token;
  }

  /**
   * The target of a token of this purpose, marking the token used. Unknown tokens are refused as
   * not found; used or expired ones as gone (410).
   */
  public UUID redeem(String purpose, String token) {
    if (!SecretTokens.isWellFormed(token)) {
      throw unknown();
    }
    return em.createNamedQuery(EmailConfirmation.BY_HASH, EmailConfirmation.class)
        .setParameter("hash", SecretTokens.hash(token))
        .setParameter("purpose", purpose)
        .getResultStream()
        .findFirst()
        .orElseThrow(Confirmations::unknown)
        .use(Instant.now(clock));
  }

  private static Refusal unknown() {
    return new Refusal(
        Refusal.Kind.NOT_FOUND,
        "No such confirmation link.",
        Map.of("token", "confirmation.error.unknown"));
  }
}
