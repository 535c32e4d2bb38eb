package eu.municipia.platform.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.platform.control.SiteProfiles;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.platform.entity.SiteProfile;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The admin's page of the association's site profile ({@code /{tenant}/admin/site}): the public
 * contact, the association's colour (pages and newsletter), its logo (sent by script to the API);
 * saving also marks the accessibility statement as reviewed.
 */
@Named
@RequestScoped
public class SitePage {

  static final String FORM = "site";

  @Inject SiteProfiles profiles;
  @Inject CurrentCaller caller;
  @Inject Shell shell;

  private String contactEmail;
  private String contactPhone;
  private String accentColor;

  @PostConstruct
  void load() {
    SiteProfile profile = profiles.current();
    contactEmail = profile.contactEmail().orElse("");
    contactPhone = profile.contactPhone().orElse("");
    accentColor = profile.accentColor();
  }

  public String save() {
    SiteProfile.Form form = new SiteProfile.Form(contactEmail, contactPhone, accentColor);
    FormMessages.show(FORM, form.errors());
    if (FormMessages.hasErrors()) {
      return null;
    }
    try {
      profiles.change(form, caller.get());
      FormMessages.info("site.saved");
    } catch (Refusal e) {
      FormMessages.show(FORM, e);
    }
    return null;
  }

  /** The current logo (for the preview), or empty. */
  public String getLogoUrl() {
    return shell.getLogoUrl();
  }

  /** Where static/site-logo.js sends the chosen file. */
  public String getLogoApi() {
    return shell.api("/site/logo");
  }

  public boolean invalid(String field) {
    return FormMessages.invalid(FORM, field);
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public void setContactPhone(String contactPhone) {
    this.contactPhone = contactPhone;
  }

  public String getAccentColor() {
    return accentColor;
  }

  public void setAccentColor(String accentColor) {
    this.accentColor = accentColor;
  }
}
