package eu.municipia.tenancy.control;

import eu.municipia.identity.control.KeycloakProvisioning;
import eu.municipia.identity.control.OidcSettings;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.control.SiteLogos;
import eu.municipia.platform.entity.Logo;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.entity.CustomDomain;
import eu.municipia.tenancy.entity.NewAssociation;
import eu.municipia.tenancy.entity.Tenant;
import eu.municipia.tenancy.entity.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A platform admin creates, suspends and reactivates associations. Creating one takes three steps,
 * in this order: the Keycloak Organization (alias = slug), the first admin's login in it (Keycloak
 * mails them the link to confirm the address and set a password), then, in one transaction, the
 * association's row, its admin's role and the audit entry. When the first admin's address has a
 * login elsewhere already, that login is never attached by the platform admin's word: the last step
 * records, instead of the role, an invitation to be the admin, mailed to the login's verified
 * address, which only its owner can accept (identity's {@code Invitations}). Keycloak's steps are
 * idempotent and the database's is all or nothing, so a failure half-way leaves no association, and
 * the same request again finishes the work (it finds the Organization and the login that the failed
 * attempt made).
 */
@ApplicationScoped
public class Associations {

  @Inject KeycloakProvisioning keycloak;
  @Inject OidcSettings oidc;
  @Inject AssociationRecords records;
  @Inject TenantContext tenants;
  @Inject TenantDirectory directory;
  @Inject Links links;
  @Inject SiteLogos logos;

  /** How the first admin was given the association. */
  public enum FirstAdmin {
    /** A new login, whose owner Keycloak mails a link to confirm the address and set a password. */
    NEW_LOGIN,
    /** A login of this association already (a retry): it holds the admin role now. */
    EXISTING_LOGIN,
    /**
     * A login elsewhere: its owner was mailed an invitation to be this association's admin, and
     * until they accept it they are neither in its Organization nor its admin.
     */
    INVITATION_SENT
  }

  /** What was made: the association and how its first admin was given it. */
  public record Created(Tenant association, FirstAdmin firstAdmin) {
    public boolean newLogin() {
      return firstAdmin == FirstAdmin.NEW_LOGIN;
    }
  }

  /**
   * Creates the association; its logo comes from the page's upload or else from the request's
   * base64 text ({@link NewAssociation#logo}), checked before Keycloak is touched.
   */
  public Created create(NewAssociation a, Optional<Logo> uploaded, Caller platformAdmin) {
    a.requireValid();
    if (a.domain() != null && a.domain().equals(links.platform().root().getHost())) {
      throw Refusal.invalid("domain", "association.error.domainPlatform");
    }
    Optional<Logo> logo =
        uploaded.isPresent() || a.logo() == null
            ? uploaded
            : Optional.of(Logo.ofBase64(a.logo(), logos.maxBytes()));
    Tenant tenant =
        new Tenant(
            new TenantSlug(a.slug()),
            Optional.ofNullable(a.parent()).map(TenantSlug::new),
            a.nameCs(),
            a.nameEn(),
            a.tenantKind(),
            Optional.ofNullable(a.region()),
            Tenant.Status.ACTIVE,
            a.country());
    // Refuse before touching Keycloak what the database would refuse at the end.
    tenants.runAs(
        tenant,
        () -> {
          records.check(a);
          return null;
        });
    keycloak.ensureOrganization(a.slug(), a.nameCs());
    Optional<KeycloakProvisioning.Account> existing = keycloak.account(a.adminEmail());
    String subject;
    FirstAdmin how;
    if (existing.isEmpty()) {
      subject = keycloak.createInvited(a.slug(), a.adminEmail(), "");
      how = FirstAdmin.NEW_LOGIN;
    } else if (keycloak.isMember(a.slug(), existing.get().id())) {
      subject = existing.get().id();
      how = FirstAdmin.EXISTING_LOGIN;
    } else if (existing.get().unfinished() && !existing.get().emailVerified()) {
      // A login nobody has taken up yet (a failed attempt made it): this association's now.
      subject = existing.get().id();
      keycloak.addMember(a.slug(), subject);
      keycloak.resendActions(existing.get());
      how = FirstAdmin.NEW_LOGIN;
    } else if (existing.get().emailVerified()) {
      // Someone's login elsewhere joins only with its owner's consent: the association is made
      // without an admin, and the owner is invited (the link to their verified address) to be it.
      subject = existing.get().id();
      how = FirstAdmin.INVITATION_SENT;
    } else {
      // A login whose address nobody has confirmed: a link sent there proves no consent of the
      // login's owner (as officials' invitations refuse it too).
      throw Refusal.conflict(
          "The address " + a.adminEmail() + " has a login whose address is not verified.",
          "adminEmail",
          "association.error.adminNotVerified");
    }
    Caller firstAdmin =
        new Caller(
            oidc.issuer(),
            subject,
            a.adminEmail(),
            a.adminEmail(),
            a.adminEmail(),
            Set.of(a.slug()),
            false);
    tenants.runAs(
        tenant,
        () -> {
          if (how == FirstAdmin.INVITATION_SENT) {
            records.insertInviting(a, logo, firstAdmin, platformAdmin);
          } else {
            records.insert(a, logo, firstAdmin, platformAdmin);
          }
          return null;
        });
    directory.refresh();
    return new Created(directory.bySlug(a.slug()).orElse(tenant), how);
  }

  /** Sets (or with empty, removes) the association's custom domain. */
  public Tenant setDomain(String slug, String typed, Caller platformAdmin) {
    Tenant tenant =
        directory.bySlug(slug).orElseThrow(() -> Refusal.notFound("No association " + slug + "."));
    Optional<String> domain = Optional.ofNullable(CustomDomain.normalized(typed));
    if (domain.isPresent() && !CustomDomain.isWellFormed(domain.get())) {
      throw Refusal.invalid("domain", "association.error.domain");
    }
    if (domain.isPresent() && domain.get().equals(links.platform().root().getHost())) {
      throw Refusal.invalid("domain", "association.error.domainPlatform");
    }
    tenants.runAs(tenant, () -> records.setDomain(tenant, domain, platformAdmin));
    directory.refresh();
    return tenant;
  }

  /** The custom domain the association's links use, if it has one. */
  public Optional<String> domainOf(Tenant tenant) {
    return directory.domainOf(tenant);
  }

  /** Suspends or reactivates an association; its data stays either way. */
  public Tenant setStatus(String slug, Tenant.Status status, String reason, Caller platformAdmin) {
    Tenant tenant =
        directory.bySlug(slug).orElseThrow(() -> Refusal.notFound("No association " + slug + "."));
    if (reason != null && reason.length() > 500) {
      throw Refusal.invalid("reason", "association.error.reason");
    }
    tenants.runAs(tenant, () -> records.setStatus(tenant, status, reason, platformAdmin));
    directory.refresh();
    return directory.bySlug(slug).orElseThrow();
  }

  public List<Tenant> all() {
    return directory.all();
  }

  /** The regions of the register, for the form's list. */
  public List<String> regions() {
    return records.regions();
  }
}
