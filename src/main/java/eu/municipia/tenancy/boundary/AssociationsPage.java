package eu.municipia.tenancy.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.control.IdentityProviderUnavailableException;
import eu.municipia.identity.control.ProvisioningFailedException;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.control.SiteLogos;
import eu.municipia.platform.entity.Logo;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.control.Associations;
import eu.municipia.tenancy.entity.NewAssociation;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The platform admins' page of associations (/platform/associations): the list with each one's
 * status and a button to suspend or reactivate it, and the form that creates one. A refusal is
 * shown beside its field and keeps what was typed; Keycloak's failure says so, and sending the form
 * again finishes the work.
 */
@Named
@RequestScoped
public class AssociationsPage {

  static final String FORM = "association";
  static final String DOMAIN_FORM = "domains";

  @Inject Associations associations;
  @Inject CurrentCaller caller;
  @Inject SiteLogos logos;

  private String slug;
  private String nameCs;
  private String nameEn;
  private String kind = "ASSOCIATION";
  private String parent;
  private String region;
  private String adminEmail;
  private String reason;
  private String accentColor;
  private String domain;
  private String domainOf;
  private String newDomain;
  private Part logo;

  public void create() {
    NewAssociation a =
        new NewAssociation(
            slug,
            nameCs,
            nameEn,
            kind,
            parent,
            null,
            region,
            adminEmail,
            accentColor,
            null,
            domain);
    try {
      Associations.Created created = associations.create(a, uploadedLogo(), caller.get());
      FormMessages.info(
          switch (created.firstAdmin()) {
            case NEW_LOGIN -> "association.created.newLogin";
            case INVITATION_SENT -> "association.created.invitationSent";
            case EXISTING_LOGIN -> "association.created";
          },
          created.association().nameCs(),
          adminEmail);
      slug = nameCs = nameEn = parent = region = adminEmail = accentColor = domain = null;
    } catch (Refusal e) {
      FormMessages.show(FORM, e);
    } catch (ProvisioningFailedException | IdentityProviderUnavailableException e) {
      FormMessages.error("association.error.keycloak");
    }
  }

  /** The logo chosen in the form (checked as it is read: PNG or JPEG, within the limit), if any. */
  private Optional<Logo> uploadedLogo() {
    if (logo == null) {
      return Optional.empty();
    }
    try {
      return logos.read(logo.getInputStream(), logo.getSize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets or removes the custom domain of the association chosen in the domain form. */
  public void changeDomain() {
    try {
      Tenant t = associations.setDomain(domainOf == null ? "" : domainOf, newDomain, caller.get());
      FormMessages.info(
          associations.domainOf(t).isPresent()
              ? "association.domain.set"
              : "association.domain.removed",
          t.nameCs(),
          associations.domainOf(t).orElse(""));
    } catch (Refusal e) {
      FormMessages.show(DOMAIN_FORM, e);
    }
  }

  /** The association's custom domain, or empty text. */
  public String domainOf(Tenant tenant) {
    return associations.domainOf(tenant).orElse("");
  }

  public void suspend(Tenant tenant) {
    change(tenant, Tenant.Status.SUSPENDED, "association.suspended");
  }

  public void reactivate(Tenant tenant) {
    change(tenant, Tenant.Status.ACTIVE, "association.reactivated");
  }

  private void change(Tenant tenant, Tenant.Status status, String done) {
    try {
      associations.setStatus(tenant.id(), status, reason, caller.get());
      FormMessages.info(done, tenant.nameCs());
    } catch (Refusal e) {
      FormMessages.error(
          e.fields().values().stream().findFirst().orElse("association.error.status"));
    }
  }

  public List<Tenant> getAssociations() {
    return associations.all();
  }

  public List<Tenant> getUnions() {
    return associations.all().stream().filter(t -> t.kind() == Tenant.Kind.UNION).toList();
  }

  public List<String> getRegions() {
    return associations.regions();
  }

  public boolean invalid(String field) {
    return FormMessages.invalid(FORM, field);
  }

  public boolean invalidDomain(String field) {
    return FormMessages.invalid(DOMAIN_FORM, field);
  }

  public String getAccentColor() {
    return accentColor;
  }

  public void setAccentColor(String accentColor) {
    this.accentColor = accentColor;
  }

  public Part getLogo() {
    return logo;
  }

  public void setLogo(Part logo) {
    this.logo = logo;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getDomainOf() {
    return domainOf;
  }

  public void setDomainOf(String domainOf) {
    this.domainOf = domainOf;
  }

  public String getNewDomain() {
    return newDomain;
  }

  public void setNewDomain(String newDomain) {
    this.newDomain = newDomain;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getNameCs() {
    return nameCs;
  }

  public void setNameCs(String nameCs) {
    this.nameCs = nameCs;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String nameEn) {
    this.nameEn = nameEn;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getParent() {
    return parent;
  }

  public void setParent(String parent) {
    this.parent = parent;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getAdminEmail() {
    return adminEmail;
  }

  public void setAdminEmail(String adminEmail) {
    this.adminEmail = adminEmail;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
