package eu.municipia.seminars.control;

import eu.municipia.platform.control.Links;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.platform.entity.SecretTokens;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.PersonalLink;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Personal links that open a registration ("/seminars/registration?token=…") or one person's ticket
 * ("/seminars/ticket?token=…") without a login. Each mail gets fresh ones; the database keeps only
 * hashes. Unknown and malformed tokens alike are "not found".
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalLinks {

  public static final String REGISTRATION_PAGE = "/seminars/registration";
  public static final String TICKET_PAGE = "/seminars/ticket";

  /** What a link opens: a registration, and the person whose ticket it is (if it is a ticket). */
  public record Opened(Registration registration, Optional<Participant> participant) {}

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Links links;
  @Inject TenantContext tenants;

  /** A new link to the whole registration. */
  public URI registration(Registration registration) {
    return links
        .of(tenants.current())
        .page(REGISTRATION_PAGE, Map.of("token", issue(registration, null)));
  }

  /** A new link to a person's ticket. */
  public URI ticket(Participant participant) {
    return links
        .of(tenants.current())
        .page(TICKET_PAGE, Map.of("token", issue(participant.registration(), participant)));
  }

  private String issue(Registration registration, Participant participant) {
    String token = SecretTokens.newToken();
    em.persist(
        new PersonalLink(
            SecretTokens.hash(token),
            registration.id(),
            participant == null ? null : participant.id(),
            clock.instant()));
    return token;
  }

  /** What the token opens; refused as not found when it opens nothing (or no longer anything). */
  public Opened open(String token) {
    if (!SecretTokens.isWellFormed(token)) {
      throw unknown();
    }
    PersonalLink link =
        em.createNamedQuery(PersonalLink.BY_HASH, PersonalLink.class)
            .setParameter("hash", SecretTokens.hash(token))
            .getResultStream()
            .findFirst()
            .orElseThrow(PersonalLinks::unknown);
    Registration registration = em.find(Registration.class, link.registrationId());
    if (registration == null) {
      throw unknown();
    }
    Optional<Participant> participant =
        link.participantId() == null
            ? Optional.empty()
            : Optional.of(
                registration.participant(link.participantId()).orElseThrow(PersonalLinks::unknown));
    if (participant.isPresent() && participant.get().erasedAt() != null) {
      throw unknown();
    }
    return new Opened(registration, participant);
  }

  /** Forgets every link of the registration (its people were erased). */
  public void forget(Registration registration) {
    em.createNamedQuery(PersonalLink.DELETE_OF_REGISTRATION)
        .setParameter("registration", registration.id())
        .executeUpdate();
  }

  static Refusal unknown() {
    return new Refusal(
        Refusal.Kind.NOT_FOUND, "No such link.", Map.of("token", "seminar.error.unknownLink"));
  }
}
