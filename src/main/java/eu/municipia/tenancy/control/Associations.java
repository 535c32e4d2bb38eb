package eu.municipia.tenancy.control;

import eu.municipia.identity.control.KeycloakProvisioning;
import eu.municipia.identity.control.OidcSettings;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.Refusal;
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
 * association's row, its admin's role and the audit entry. Keycloak's steps are idempotent and the
 * database's is all or nothing, so a failure half-way leaves no association, and the same request
 * again finishes the work (it finds the Organization and the login that the failed attempt made).
 */
@ApplicationScoped
public class Associations {

  @Inject KeycloakProvisioning keycloak;
  @Inject OidcSettings oidc;
  @Inject AssociationRecords records;
  @Inject TenantContext tenants;
  @Inject TenantDirectory directory;

  /** What was made: the association and whether its admin got a new login. */
  public record Created(Tenant association, boolean newLogin) {}

  public Created create(NewAssociation a, Caller platformAdmin) {
    a.requireValid();
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
    boolean newLogin = existing.isEmpty();
    if (existing.isEmpty()) {
      subject = keycloak.createInvited(a.slug(), a.adminEmail(), "");
    } else if (keycloak.isMember(a.slug(), existing.get().id())) {
      subject = existing.get().id();
    } else if (existing.get().unfinished() && !existing.get().emailVerified()) {
      // A login nobody has taken up yet (a failed attempt made it): this association's now.
      subject = existing.get().id();
      keycloak.addMember(a.slug(), subject);
      keycloak.resendActions(existing.get());
    } else {
      // Someone's login elsewhere joins only with its owner's consent: the new association's
      // admin invites them from its roles page once it has a first admin of its own.
      throw Refusal.conflict(
          "The address " + a.adminEmail() + " has a login already.",
          "adminEmail",
          "association.error.adminExists");
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
          records.insert(a, firstAdmin, platformAdmin);
          return null;
        });
    directory.refresh();
    return new Created(directory.bySlug(a.slug()).orElse(tenant), newLogin);
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
