package eu.municipia.platform.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.platform.control.SiteLogos;
import eu.municipia.platform.control.SiteProfiles;
import eu.municipia.platform.entity.Logo;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.platform.entity.SiteProfile;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The admin's page of the association's site profile ({@code /{tenant}/admin/site}): the public
 * contact, the association's colour (pages and newsletter) and logo; saving also marks the
 * accessibility statement as reviewed.
 */
@Named
@RequestScoped
public class SitePage {

  static final String FORM = "site";

  @Inject SiteProfiles profiles;
  @Inject CurrentCaller caller;
  @Inject SiteLogos logos;
  @Inject Shell shell;

  private String contactEmail;
  private String contactPhone;
  private String accentColor;
  private Part logo;

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
    Optional<Logo> upload = Optional.empty();
    try {
      upload = uploaded(logo, logos);
    } catch (Refusal e) {
      FormMessages.show(FORM, e);
    }
    if (FormMessages.hasErrors()) {
      return null;
    }
    try {
      profiles.change(form, upload, caller.get());
      FormMessages.info("site.saved");
    } catch (Refusal e) {
      FormMessages.show(FORM, e);
    }
    return null;
  }

  /**
   * The logo chosen in a file field, empty where none was; a refusal (too large, not a PNG/JPEG) is
   * shown beside the field {@code logo} of the form. The associations page uses it too.
   */
  public static Optional<Logo> uploaded(Part part, SiteLogos logos) {
    if (part == null || part.getSize() == 0) {
      return Optional.empty();
    }
    try (InputStream in = part.getInputStream()) {
      return logos.read(in, part.getSize());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The current logo (for the preview), or empty. */
  public String getLogoUrl() {
    return shell.getLogoUrl();
  }

  public Part getLogo() {
    return logo;
  }

  public void setLogo(Part logo) {
    this.logo = logo;
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
