package eu.municipia.membership.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.control.Invitations;
import eu.municipia.identity.control.KeycloakProvisioning;
import eu.municipia.identity.control.OidcSettings;
import eu.municipia.identity.control.RoleGrants;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Invitation;
import eu.municipia.identity.entity.Person;
import eu.municipia.identity.entity.Role;
import eu.municipia.mail.control.Outbox;
import eu.municipia.membership.entity.Membership;
import eu.municipia.membership.entity.Official;
import eu.municipia.municipalities.control.Register;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

/**
 * Officials and contact people of the members: the admin records them, changes them, and may invite
 * one to log in, which provisions a Keycloak login in the association's Organization and grants the
 * member-official role here.
 */
@ApplicationScoped
@Transactional
public class Officials {

  private static final String MAIL_TEXTS = "eu.municipia.membership.control.mail";

  /** How an invitation names the official it is for: {@code official:<id>}. */
  static final String REFERENCE = "official:";

  @Inject EntityManager em;
  @Inject Memberships memberships;
  @Inject Register register;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject KeycloakProvisioning keycloak;
  @Inject OidcSettings oidc;
  @Inject RoleGrants roles;
  @Inject Outbox outbox;
  @Inject TenantContext tenants;
  @Inject Links links;
  @Inject Invitations invitations;

  public List<Official> of(String code) {
    Membership membership = membership(code);
    return em.createNamedQuery(Official.OF_MEMBERSHIP, Official.class)
        .setParameter("membership", membership.id())
        .getResultList();
  }

  public Official add(String code, Official.Details details, Caller admin) {
    Official official = new Official(membership(code).id(), details, now());
    em.persist(official);
    audit.record(admin, "official.added", "membership", code, null, official.auditState());
    return official;
  }

  public Official change(UUID id, Official.Details details, Caller admin) {
    Official official = require(id);
    Map<String, Object> before = official.auditState();
    official.change(details);
    audit.record(
        admin, "official.changed", "official", id.toString(), before, official.auditState());
    return official;
  }

  /** What an invitation did, so the admin can be told. */
  public enum InvitationOutcome {
    /** A new login in the association's Organization; Keycloak mails how to activate it. */
    ACCOUNT_CREATED,
    /** The address's login is the association's already: it has the role now. */
    ROLE_GRANTED,
    /** The address's login is someone's elsewhere: they were mailed a link to accept. */
    ACCEPT_LINK_SENT
  }

  public record Invited(Official official, InvitationOutcome outcome) {}

  /**
   * Invites the official to log in as the member's official here. An address without a login gets a
   * new one in the association's Organization (Keycloak mails the link to confirm the address and
   * set a password) and the role at once; a login that is the association's already gets the role;
   * any other login is attached only if its owner accepts the link mailed to its verified address
   * ({@link Invitations}), never by the admin's word alone.
   */
  public Invited invite(UUID id, Caller admin) {
    Official official = require(id);
    if (!official.canBeInvited()) {
      throw new OfficialNotInvitableException(OfficialNotInvitableException.Reason.NO_EMAIL);
    }
    Tenant tenant = tenants.current();
    Map<String, Object> before = official.auditState();
    Optional<KeycloakProvisioning.Account> existing = keycloak.account(official.getEmail());
    InvitationOutcome outcome;
    if (existing.isEmpty()) {
      String subject = keycloak.createInvited(tenant.id(), official.getEmail(), official.getName());
      grantRole(official, subject, tenant, admin);
      tell(official, tenant, "official.invited", membersPage(tenant));
      outcome = InvitationOutcome.ACCOUNT_CREATED;
    } else if (keycloak.isMember(tenant.id(), existing.get().id())) {
      KeycloakProvisioning.Account account = existing.get();
      grantRole(official, account.id(), tenant, admin);
      if (account.unfinished()) {
        // Created by an earlier invitation that its owner has not finished: mail its link again.
        keycloak.resendActions(account);
        tell(official, tenant, "official.invited", membersPage(tenant));
      } else {
        tell(official, tenant, "official.roleGranted", membersPage(tenant));
      }
      outcome = InvitationOutcome.ROLE_GRANTED;
    } else if (!existing.get().emailVerified()) {
      throw new OfficialNotInvitableException(
          OfficialNotInvitableException.Reason.ADDRESS_NOT_VERIFIED);
    } else {
      Invitation.Issued issued =
          invitations.issue(
              official.getEmail(),
              oidc.issuer(),
              existing.get().id(),
              Role.MEMBER_OFFICIAL,
              REFERENCE + official.getId(),
              admin);
      official.invitationSent(now());
      tell(
          official,
          tenant,
          "official.consent",
          links.of(tenant).page("/invitation", Map.of("token", issued.token())).toString());
      outcome = InvitationOutcome.ACCEPT_LINK_SENT;
    }
    audit.record(
        admin, "official.invited", "official", id.toString(), before, official.auditState());
    return new Invited(official, outcome);
  }

  /** The owner of an invited login accepted: the official's record names the login now. */
  void onAccepted(@Observes Invitations.Accepted accepted) {
    if (accepted.reference() == null || !accepted.reference().startsWith(REFERENCE)) {
      return;
    }
    try {
      Official official =
          em.find(
              Official.class, UUID.fromString(accepted.reference().substring(REFERENCE.length())));
      if (official != null) {
        official.loginAccepted(accepted.subject());
      }
    } catch (IllegalArgumentException notAnId) {
      // Not one of ours after all: nothing to record.
    }
  }

  private void grantRole(Official official, String subject, Tenant tenant, Caller admin) {
    official.invited(subject, now());
    Person person =
        roles.recordLogin(
            new Caller(
                oidc.issuer(),
                subject,
                official.getEmail(),
                official.getName(),
                official.getEmail(),
                Set.of(tenant.id()),
                false));
    roles.grant(person.id(), Role.MEMBER_OFFICIAL, admin);
  }

  private String membersPage(Tenant tenant) {
    return links.of(tenant).page("/members").toString();
  }

  /**
   * The member whose current official has this login (an invited official's Keycloak subject), if
   * any: what a member official speaks for, e.g. when registering colleagues for a seminar.
   */
  public java.util.Optional<Membership> memberOfLogin(String subject) {
    java.time.LocalDate today =
        java.time.LocalDate.ofInstant(now(), java.time.ZoneId.of("Europe/Prague"));
    return em.createQuery(
            "SELECT o FROM Official o WHERE o.loginSubject = :subject ORDER BY o.createdAt",
            Official.class)
        .setParameter("subject", subject)
        .getResultStream()
        .filter(o -> o.isCurrent(today))
        .map(o -> em.find(Membership.class, o.getMembershipId()))
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  public Official require(UUID id) {
    Official official = em.find(Official.class, id);
    if (official == null) {
      throw Refusal.notFound("No official " + id + " here.");
    }
    return official;
  }

  /** Our own e-mail to the official: {@code key}'s texts with the member and the link. */
  private void tell(Official official, Tenant tenant, String key, String link) {
    Locale locale = Locale.forLanguageTag("cs");
    ResourceBundle texts = ResourceBundle.getBundle(MAIL_TEXTS, locale);
    String municipality =
        memberships.nameOf(
            em.find(Membership.class, official.getMembershipId()),
            code ->
                register
                    .entry(code.country(), code.code())
                    .map(Register.Entry::name)
                    .orElse(code.code()));
    Object[] args = {municipality, tenant.name(locale), link, official.getName()};
    outbox.queue(official.getEmail(), texts, key, args);
  }

  private Membership membership(String code) {
    return memberships
        .find(code)
        .orElseThrow(() -> Refusal.notFound("No membership of " + code + " here."));
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
