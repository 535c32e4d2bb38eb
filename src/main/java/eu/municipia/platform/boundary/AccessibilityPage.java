package eu.municipia.platform.boundary;

import eu.municipia.platform.control.SiteProfiles;
import eu.municipia.platform.entity.SiteProfile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The accessibility statement of an association's site ({@code /{tenant}/accessibility}), as Czech
 * law 99/2019 and its decree 515/2020 ask: the state of compliance, what is not accessible and why,
 * when the statement was made and how, the contact for feedback, and the enforcement body.
 */
@Named
@RequestScoped
public class AccessibilityPage {

  @Inject SiteProfiles profiles;
  @Inject Shell shell;

  private SiteProfile profile;

  public SiteProfile getProfile() {
    if (profile == null) {
      profile = shell.isInTenant() ? profiles.current() : null;
    }
    return profile;
  }

  public String getReviewedOn() {
    return getProfile() == null
        ? ""
        : getProfile()
            .statementReviewedOn()
            .format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(shell.getLocale()));
  }

  public String getContactEmail() {
    return getProfile() == null ? "" : getProfile().contactEmail().orElse("");
  }

  public String getContactPhone() {
    return getProfile() == null ? "" : getProfile().contactPhone().orElse("");
  }
}
