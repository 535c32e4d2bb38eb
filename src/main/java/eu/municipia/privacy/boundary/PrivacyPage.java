package eu.municipia.privacy.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.privacy.control.PersonalData;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The admin's page for a person's GDPR request (/{tenant}/admin/privacy): see what is held about an
 * e-mail address, download it, and erase it after an explicit confirmation.
 */
@Named
@RequestScoped
public class PrivacyPage {

  private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

  @Inject PersonalData personalData;
  @Inject CurrentCaller caller;

  private String email;
  private boolean confirm;
  private PersonalData.Export found;

  public void search() {
    if (valid()) {
      found = personalData.export(email, caller.get());
    }
  }

  public void erase() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!valid()) {
      return;
    }
    if (!confirm) {
      faces.addMessage(
          "privacy:confirm",
          new FacesMessage(FacesMessage.SEVERITY_ERROR, text("privacy.error.confirm"), null));
      return;
    }
    PersonalData.Erasure erased = personalData.erase(email, caller.get());
    faces.addMessage(
        null,
        new FacesMessage(
            FacesMessage.SEVERITY_INFO,
            MessageFormat.format(
                text("privacy.erased"),
                erased.officials(),
                erased.applications(),
                erased.messages(),
                erased.logins()),
            null));
    for (PersonalData.Erased feature : erased.features()) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              MessageFormat.format(
                  text("privacy.erased.section"),
                  text("privacy.section." + feature.name()),
                  feature.count()),
              null));
    }
    confirm = false;
  }

  private boolean valid() {
    if (email == null || !email.trim().matches(EMAIL)) {
      FacesContext.getCurrentInstance()
          .addMessage(
              "privacy:email",
              new FacesMessage(FacesMessage.SEVERITY_ERROR, text("privacy.error.email"), null));
      return false;
    }
    return true;
  }

  public boolean invalid(String field) {
    return FacesContext.getCurrentInstance().getMessages("privacy:" + field).hasNext();
  }

  private static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    return bundle.getString(key);
  }

  /** The API address of the export as a JSON file, for the download link. */
  public String downloadPath(String tenant) {
    return "/api/v1/tenants/"
        + tenant
        + "/personal-data?email="
        + java.net.URLEncoder.encode(email.trim(), java.nio.charset.StandardCharsets.UTF_8);
  }

  public PersonalData.Export getFound() {
    return found;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isConfirm() {
    return confirm;
  }

  public void setConfirm(boolean confirm) {
    this.confirm = confirm;
  }
}
