package eu.municipia.membership.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.control.KeycloakProvisioning;
import eu.municipia.identity.control.OidcSettings;
import eu.municipia.identity.control.RoleGrants;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Person;
import eu.municipia.identity.entity.Role;
import eu.municipia.mail.control.Outbox;
import eu.municipia.membership.entity.Membership;
import eu.municipia.membership.entity.Official;
import eu.municipia.municipalities.control.Register;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * Invites the official to log in: a Keycloak login in the association's Organization (Keycloak
   * mails the link to set a password), the member-official role here, and our own e-mail saying
   * where to log in.
   */
  public Official invite(UUID id, String loginUrl, Caller admin) {
    Official official = require(id);
    if (!official.canBeInvited()) {
      throw new OfficialNotInvitableException();
    }
    Tenant tenant = tenants.current();
    String subject = keycloak.invite(tenant.id(), official.getEmail(), official.getName());
    Map<String, Object> before = official.auditState();
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
    audit.record(
        admin, "official.invited", "official", id.toString(), before, official.auditState());
    tellInvited(official, tenant, loginUrl);
    return official;
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

  private void tellInvited(Official official, Tenant tenant, String loginUrl) {
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
    Object[] args = {municipality, tenant.name(locale), loginUrl, official.getName()};
    outbox.queue(official.getEmail(), texts, "official.invited", args);
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
