package eu.municipia.newsletter.control;

import eu.municipia.newsletter.entity.Subscriber;
import eu.municipia.privacy.control.PersonalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Subscribers in the GDPR export and erasure: the address on the newsletter's list, how it came on,
 * where it stands and why it is suppressed. Erasure removes the subscription and the address's
 * bounce records: nothing of it is kept (the figures count sends, not people).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NewsletterPersonalData implements PersonalDataSource {

  /** The address on the newsletter's list: how it came on, where it stands, why suppressed. */
  public record SubscriptionData(
      String source, String status, Instant since, String suppressionReason) {}

  @Inject EntityManager em;

  @Override
  public String section() {
    return "subscriptions";
  }

  @Override
  public List<SubscriptionData> export(String email) {
    return subscriptions(email).stream()
        .map(
            s ->
                new SubscriptionData(
                    s.source().name(), s.status().name(), s.createdAt(), s.suppressionReason()))
        .toList();
  }

  @Override
  public int erase(String email, Instant now) {
    List<Subscriber> subscriptions = subscriptions(email);
    subscriptions.forEach(em::remove);
    em.createQuery("DELETE FROM Bounce b WHERE b.email = :email")
        .setParameter("email", email)
        .executeUpdate();
    return subscriptions.size();
  }

  private List<Subscriber> subscriptions(String email) {
    return em.createNamedQuery(Subscriber.BY_EMAIL, Subscriber.class)
        .setParameter("email", email)
        .getResultList();
  }
}
