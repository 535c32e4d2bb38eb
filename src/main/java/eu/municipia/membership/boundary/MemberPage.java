package eu.municipia.membership.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.control.IdentityProviderUnavailableException;
import eu.municipia.identity.control.ProvisioningFailedException;
import eu.municipia.membership.control.Memberships;
import eu.municipia.membership.control.OfficialNotInvitableException;
import eu.municipia.membership.control.Officials;
import eu.municipia.membership.entity.Ico;
import eu.municipia.membership.entity.Membership;
import eu.municipia.membership.entity.MembershipDateException;
import eu.municipia.membership.entity.MembershipTransitionException;
import eu.municipia.membership.entity.NewMember;
import eu.municipia.membership.entity.Official;
import eu.municipia.membership.entity.OfficialRole;
import eu.municipia.membership.entity.OrganizationKind;
import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The admin's page of one member (/{tenant}/admin/member?code=540927): its officials and contacts,
 * a form to add one, and the invitation of an official to log in.
 */
@Named
@ViewScoped
public class MemberPage implements Serializable {

  @Inject Officials officials;
  @Inject Memberships memberships;
  @Inject Register register;
  @Inject CurrentCaller caller;
  @Inject eu.municipia.platform.boundary.Shell shell;

  private String code;
  private String name;
  private Membership membership;
  private List<Official> list;

  private String newKey;
  private String newName;
  private String newKind = OrganizationKind.MICROREGION.name();
  private String newSince;
  private String reason;
  private String until;

  private String role = OfficialRole.MAYOR.name();
  private String officialName;
  private String email;
  private String phone;
  private String termFrom;
  private String termTo;

  @PostConstruct
  void load() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    String asked = request.getParameter("code");
    if (asked != null
        && (MunicipalityCode.isValid("CZ", asked)
            || eu.municipia.membership.entity.Ico.isValid(asked))) {
      code = asked;
    }
    refresh();
  }

  private void refresh() {
    if (code == null) {
      return;
    }
    membership = memberships.find(code).orElse(null);
    name =
        membership == null
            ? code
            : memberships.nameOf(
                membership,
                c -> register.entry(c.country(), c.code()).map(Register.Entry::name).orElse(code));
    list = membership == null ? List.of() : officials.of(code);
  }

  public boolean isFound() {
    return membership != null;
  }

  public void add() {
    FacesContext faces = FacesContext.getCurrentInstance();
    LocalDate from = parse(faces, "official", "termFrom", termFrom, false);
    LocalDate to = parse(faces, "official", "termTo", termTo, false);
    Official.Details details =
        new Official.Details(OfficialRole.valueOf(role), officialName, email, phone, from, to);
    details
        .errors()
        .forEach(
            (field, message) ->
                fieldError(faces, "official", field, text("officials.error." + field)));
    if (!faces.getMessageList().isEmpty()) {
      return;
    }
    officials.add(code, details, caller.get());
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_INFO, text("officials.added"), null));
    officialName = email = phone = termFrom = termTo = null;
    refresh();
  }

  /** Adds a member: a municipality by its code, or an organization by IČO with name and kind. */
  public void addMember() throws java.io.IOException {
    String key = newKey == null ? "" : newKey.trim();
    LocalDate since =
        parse(FacesContext.getCurrentInstance(), "member", "newSince", newSince, true);
    boolean organization = Ico.isValid(key) && !MunicipalityCode.isValid("CZ", key);
    NewMember member =
        organization
            ? new NewMember(null, key, newName, newKind, since)
            : new NewMember(key, null, null, null, since);
    // Every field's fault at once: a date that did not parse has its message already, the record
    // names the others (without it, an empty form showed only the date's).
    boolean dateRefused = FormMessages.hasErrors();
    member.errors().entrySet().stream()
        .filter(error -> !(dateRefused && error.getKey().equals("since")))
        .forEach(
            error ->
                FormMessages.fieldError("member", formField(error.getKey()), error.getValue()));
    try {
      if (!FormMessages.hasErrors()) {
        memberships.add(member, caller.get());
      }
    } catch (MembershipTransitionException e) {
      FormMessages.fieldError("member", "newKey", "member.error.already");
    } catch (Refusal e) {
      // The record names its fields as the API does; this form has one field for code and IČO.
      e.fields()
          .forEach(
              (field, message) -> FormMessages.fieldError("member", formField(field), message));
    }
    if (FormMessages.hasErrors()) {
      return;
    }
    FormMessages.keepForRedirect();
    FormMessages.info("member.added");
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .redirect(shell.url("/admin/member") + "?code=" + key);
  }

  private static String formField(String field) {
    return switch (field) {
      case "code", "ico" -> "newKey";
      case "since" -> "newSince";
      default -> "new" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    };
  }

  public void suspend() {
    changeStatus(() -> memberships.suspend(code, reason, caller.get()), "member.suspended");
  }

  public void reinstate() {
    changeStatus(() -> memberships.reinstate(code, caller.get()), "member.reinstated");
  }

  public void end() {
    FacesContext faces = FacesContext.getCurrentInstance();
    LocalDate date = parse(faces, "status", "until", until, true);
    if (date != null) {
      changeStatus(() -> memberships.end(code, date, reason, caller.get()), "member.ended");
    }
  }

  private void changeStatus(Runnable change, String doneKey) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      change.run();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(doneKey), null));
      reason = until = null;
    } catch (MembershipTransitionException | MembershipDateException e) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text("member.error.status"), null));
    }
    refresh();
  }

  private LocalDate parse(
      FacesContext faces, String form, String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        fieldError(faces, form, field, text("member.error.date"));
      }
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      fieldError(faces, form, field, text("officials.error.date"));
      return null;
    }
  }

  private static void fieldError(FacesContext faces, String form, String field, String text) {
    faces.addMessage(form + ":" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public List<String> getKinds() {
    return Arrays.stream(OrganizationKind.values()).map(Enum::name).toList();
  }

  public boolean invalidIn(String form, String field) {
    return FacesContext.getCurrentInstance().getMessages(form + ":" + field).hasNext();
  }

  public String getNewKey() {
    return newKey;
  }

  public void setNewKey(String newKey) {
    this.newKey = newKey;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getNewKind() {
    return newKind;
  }

  public void setNewKind(String newKind) {
    this.newKind = newKind;
  }

  public String getNewSince() {
    return newSince;
  }

  public void setNewSince(String newSince) {
    this.newSince = newSince;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getUntil() {
    return until;
  }

  public void setUntil(String until) {
    this.until = until;
  }

  public void invite(Official official) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Officials.Invited invited = officials.invite(official.getId(), caller.get());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              MessageFormat.format(
                  text("officials.invited." + invited.outcome().name()), official.getEmail()),
              null));
    } catch (OfficialNotInvitableException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              text("officials.error.invite." + e.reason().name()),
              null));
    } catch (ProvisioningFailedException | IdentityProviderUnavailableException e) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              MessageFormat.format(text("officials.error.invite.keycloak"), e.getMessage()),
              null));
    }
    refresh();
  }

  /** Whether a field of the official's form has a problem, for aria-invalid. */
  public boolean invalid(String field) {
    return invalidIn("official", field);
  }

  private static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    return bundle.getString(key);
  }

  public List<String> getRoles() {
    return Arrays.stream(OfficialRole.values()).map(Enum::name).toList();
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public Membership getMembership() {
    return membership;
  }

  public List<Official> getOfficials() {
    return list;
  }

  public boolean isCurrent(Official o) {
    return o.isCurrent(LocalDate.now());
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getOfficialName() {
    return officialName;
  }

  public void setOfficialName(String officialName) {
    this.officialName = officialName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getTermFrom() {
    return termFrom;
  }

  public void setTermFrom(String termFrom) {
    this.termFrom = termFrom;
  }

  public String getTermTo() {
    return termTo;
  }

  public void setTermTo(String termTo) {
    this.termTo = termTo;
  }
}
