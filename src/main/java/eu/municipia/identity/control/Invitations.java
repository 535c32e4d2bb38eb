package eu.municipia.identity.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Invitation;
import eu.municipia.identity.entity.InvitationRefusedException;
import eu.municipia.identity.entity.InvitationRefusedException.Reason;
import eu.municipia.identity.entity.Person;
import eu.municipia.identity.entity.Role;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invitations of existing accounts into the current association: issued by an admin (a link for the
 * account's verified address), accepted by the owner of the account alone, who then joins the
 * association's Keycloak Organization and receives the role. Features that invite (officials now,
 * editors later) issue one with a reference of their own and hear {@link Accepted} to record the
 * login on their side, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class Invitations {

  /** Fired in the accepting transaction: the account is in the Organization and has the role. */
  public record Accepted(String reference, String issuer, String subject) {}

  @Inject EntityManager em;
  @Inject KeycloakProvisioning keycloak;
  @Inject RoleGrants roles;
  @Inject TenantContext tenants;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Event<Accepted> accepted;

  @Inject
  @ConfigProperty(name = "invitation.lifespan-hours", defaultValue = "168")
  long lifespanHours;

  /**
   * Invites the account to take the role here, withdrawing any earlier open invitation with the
   * same reference. Answers the token for the link; only its hash is stored.
   */
  public Invitation.Issued issue(
      String email, String issuer, String subject, Role role, String reference, Caller admin) {
    Instant now = Instant.now(clock);
    if (reference != null) {
      em.createNamedQuery(Invitation.OPEN_FOR, Invitation.class)
          .setParameter("reference", reference)
          .getResultList()
          .forEach(open -> open.withdraw(now));
    }
    Invitation.Issued issued =
        Invitation.issue(
            email,
            issuer,
            subject,
            role,
            reference,
            admin,
            now,
            Duration.ofHours(Math.max(1, lifespanHours)));
    em.persist(issued.invitation());
    audit.record(
        admin,
        "invitation.issued",
        "invitation",
        issued.invitation().id().toString(),
        null,
        issued.invitation().auditState());
    return issued;
  }

  /** The invitation of this link in the current association, if there is one. */
  public Optional<Invitation> find(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    return em.createNamedQuery(Invitation.BY_HASH, Invitation.class)
        .setParameter("hash", Invitation.hash(token))
        .getResultStream()
        .findFirst();
  }

  /**
   * The owner of the invited account accepts: the invitation is used up (under a row lock, so two
   * clicks attach once), the account joins the current association's Organization and gets the
   * role. Throws {@link InvitationRefusedException} for anyone else, and for an unknown, expired,
   * used or withdrawn invitation.
   */
  public Invitation accept(String token, Caller caller) {
    Invitation invitation =
        find(token).orElseThrow(() -> new InvitationRefusedException(Reason.UNKNOWN));
    em.refresh(invitation, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now(clock);
    invitation.accept(caller, now);
    Tenant tenant = tenants.current();
    keycloak.addMember(tenant.id(), invitation.subject());
    Person person = roles.recordLogin(caller);
    roles.grant(person.id(), invitation.role(), caller);
    audit.record(
        caller,
        "invitation.accepted",
        "invitation",
        invitation.id().toString(),
        null,
        invitation.auditState());
    accepted.fire(new Accepted(invitation.reference(), invitation.issuer(), invitation.subject()));
    return invitation;
  }

  /** The invitations sent to an address (a person's GDPR request). */
  public List<Invitation> to(String email) {
    return em.createNamedQuery(Invitation.BY_EMAIL, Invitation.class)
        .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
        .getResultList();
  }
}
