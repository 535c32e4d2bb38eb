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
 * contact, the newsletter's colour; saving also marks the accessibility statement as reviewed.
 */
@Named
@RequestScoped
public class SitePage {

  static final String FORM = "site";

  @Inject SiteProfiles profiles;
  @Inject CurrentCaller caller;

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
