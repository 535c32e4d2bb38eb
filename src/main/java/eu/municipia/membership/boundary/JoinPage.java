package eu.municipia.membership.boundary;

import eu.municipia.membership.control.ApplicationRefusedException;
import eu.municipia.membership.control.Applications;
import eu.municipia.membership.entity.ApplicationForm;
import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.publicforms.control.PublicForms;
import eu.municipia.publicforms.control.TooManySubmissionsException;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The public "Join us" page (/{tenant}/join): a municipality applies for membership. The
 * municipality is typed by name (suggested from the association's region, "Name (District)") or by
 * its code; every problem is shown beside its field and nothing typed is lost.
 */
@Named
@RequestScoped
public class JoinPage {

  private static final Pattern CODE = Pattern.compile("\\d{6}");
  private static final Pattern NAME_AND_DISTRICT = Pattern.compile("(.+?)\\s*\\((.+)\\)\\s*");
  private static final int MAX_SUGGESTIONS = 2000;

  @Inject Applications applications;
  @Inject Register register;
  @Inject TenantContext tenants;
  @Inject Shell shell;
  @Inject PublicForms publicForms;

  /** The form's name for the submission budgets of the public forms. */
  static final String FORM = "join";

  private String municipality;
  private String applicantName;
  private String applicantRole;
  private String email;
  private String phone;
  private String message;
  private boolean consent;
  private String submittedFor;
  private String website;

  /** "Name (District)" of each municipality of the association's region, for the suggestions. */
  public List<String> getSuggestions() {
    Optional<String> region = tenants.current().region();
    if (region.isEmpty()) {
      return List.of(); // a national union: six thousand names are too many to send
    }
    return register.search("CZ", null, region.get(), null, 0, MAX_SUGGESTIONS).items().stream()
        .map(e -> e.name() + " (" + e.district() + ")")
        .toList();
  }

  public String submit() {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    try {
      if (publicForms.admit(FORM, request, website) == PublicForms.Admission.TRAPPED) {
        submittedFor = municipality; // a program filled in the honeypot: it learns nothing
        return null;
      }
    } catch (TooManySubmissionsException e) {
      FormMessages.error("publicForms.error.tooMany");
      return null;
    }
    ApplicationForm form =
        new ApplicationForm(applicantName, applicantRole, email, phone, message, consent);
    FormMessages.show("join", form.errors());
    Optional<Register.Entry> chosen = resolveMunicipality(faces);
    if (!FormMessages.hasErrors() && chosen.isPresent()) {
      try {
        applications.submit(
            new MunicipalityCode("CZ", chosen.get().code()), form.applicant(), shell.getLanguage());
        submittedFor = chosen.get().name();
      } catch (ApplicationRefusedException e) {
        FormMessages.show("join", e);
      }
    }
    return null;
  }

  private Optional<Register.Entry> resolveMunicipality(FacesContext faces) {
    String typed = municipality == null ? "" : municipality.trim();
    if (typed.isEmpty()) {
      FormMessages.fieldError("join", "municipality", "join.error.municipality");
      return Optional.empty();
    }
    if (CODE.matcher(typed).matches()) {
      Optional<Register.Entry> byCode = register.entry("CZ", typed);
      if (byCode.isEmpty()) {
        FormMessages.fieldError("join", "municipality", "join.error.unknown", typed);
      }
      return byCode;
    }
    String name = typed;
    String district = null;
    Matcher m = NAME_AND_DISTRICT.matcher(typed);
    if (m.matches()) {
      name = m.group(1);
      district = m.group(2).trim();
    }
    String inDistrict = district;
    List<Register.Entry> found =
        register.named("CZ", name, tenants.current().region().orElse(null)).stream()
            .filter(e -> inDistrict == null || e.district().equalsIgnoreCase(inDistrict))
            .toList();
    if (found.size() == 1) {
      return Optional.of(found.get(0));
    }
    if (found.isEmpty()) {
      FormMessages.fieldError("join", "municipality", "join.error.unknown", typed);
    } else {
      String choices =
          found.stream()
              .map(e -> e.name() + " (" + e.district() + ", " + e.code() + ")")
              .collect(Collectors.joining("; "));
      FormMessages.fieldError("join", "municipality", "join.error.ambiguous", choices);
    }
    return Optional.empty();
  }

  /** Whether a field has a problem, for aria-invalid. */
  public boolean invalid(String field) {
    return FormMessages.invalid("join", field);
  }

  public boolean isSubmitted() {
    return submittedFor != null;
  }

  public String getSubmittedFor() {
    return submittedFor;
  }

  public String getMunicipality() {
    return municipality;
  }

  public void setMunicipality(String municipality) {
    this.municipality = municipality;
  }

  public String getApplicantName() {
    return applicantName;
  }

  public void setApplicantName(String applicantName) {
    this.applicantName = applicantName;
  }

  public String getApplicantRole() {
    return applicantRole;
  }

  public void setApplicantRole(String applicantRole) {
    this.applicantRole = applicantRole;
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

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  /** The honeypot: hidden from people, filled in by programs. */
  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }
}
