package eu.municipia.membership.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.membership.control.Applications;
import eu.municipia.membership.entity.ApplicationForm;
import eu.municipia.membership.entity.ApplicationStatus;
import eu.municipia.membership.entity.MembershipApplication;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.platform.entity.Page;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.publicforms.control.PublicForms;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Applications for membership. Anyone may apply for a municipality (the public "Join us" form posts
 * the same data); only the association's admins see applications and decide them.
 */
@Path("tenants/{tenant}/applications")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ApplicationsResource {

  @Inject Applications applications;
  @Inject CurrentCaller caller;
  @Inject PublicForms publicForms;

  public record NewApplication(
      String code,
      String applicantName,
      String applicantRole,
      String email,
      String phone,
      String message,
      Boolean consent,
      String language,
      String website) {}

  /** The token of the link that was mailed to the applicant. */
  public record Confirmation(String token) {}

  public record Approval(LocalDate since) {}

  public record Rejection(String reason) {}

  /** What the applicant is told: the municipality and where the application stands. */
  public record Submitted(String code, String status) {}

  public record ApplicationView(
      UUID id,
      String code,
      String municipality,
      String status,
      Instant submittedAt,
      String applicantName,
      String applicantRole,
      String email,
      String phone,
      String message,
      String language,
      Instant decidedAt,
      String decidedBy,
      String reason,
      LocalDate memberSince) {}

  /**
   * Takes an application, which counts once the applicant opens the link mailed to them: 202, and
   * the same answer whether or not the municipality has applied before. Limited per client and per
   * association ({@code 429} beyond); {@code website} is the honeypot and must stay empty.
   */
  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(NewApplication body, @Context HttpServletRequest request) {
    NewApplication given =
        body == null
            ? new NewApplication(null, null, null, null, null, null, null, null, null)
            : body;
    if (publicForms.admit(JoinPage.FORM, request, given.website())
        == PublicForms.Admission.TRAPPED) {
      return accepted(given.code());
    }
    ApplicationForm form =
        new ApplicationForm(
            given.applicantName(),
            given.applicantRole(),
            given.email(),
            given.phone(),
            given.message(),
            Boolean.TRUE.equals(given.consent()));
    Map<String, String> errors = new LinkedHashMap<>();
    if (!MunicipalityCode.isValid("CZ", given.code())) {
      errors.put("code", "join.error.code");
    }
    errors.putAll(form.errors());
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
    applications.submit(
        new MunicipalityCode("CZ", given.code()), form.applicant(), given.language());
    return accepted(given.code());
  }

  /** The applicant's confirmation, with the token from the link in the e-mail. */
  @POST
  @Path("confirmation")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Submitted confirm(Confirmation body) {
    MembershipApplication confirmed = applications.confirm(body == null ? null : body.token());
    return new Submitted(confirmed.getCode(), confirmed.getStatus().name());
  }

  private static Response accepted(String code) {
    return Response.accepted(new Submitted(code, ApplicationStatus.UNCONFIRMED.name())).build();
  }

  @GET
  @RolesAllowed(Role.ADMIN)
  public List<ApplicationView> list(
      @QueryParam("status") @DefaultValue("SUBMITTED") String status,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Page.check(offset, limit);
    return applications.list(statuses(status), offset, limit).stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Role.ADMIN)
  public ApplicationView get(@PathParam("id") String id) {
    return view(applications.require(id(id)));
  }

  @POST
  @Path("{id}/approval")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public ApplicationView approve(@PathParam("id") String id, Approval approval) {
    if (approval == null || approval.since() == null) {
      throw new ValidationProblem("since", "since (the first day of membership) is required.");
    }
    return view(applications.approve(id(id), approval.since(), caller.get()));
  }

  @POST
  @Path("{id}/rejection")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public ApplicationView reject(@PathParam("id") String id, Rejection rejection) {
    if (rejection == null || rejection.reason() == null || rejection.reason().isBlank()) {
      throw new ValidationProblem("reason", "reason is required: the applicant is told it.");
    }
    return view(applications.reject(id(id), rejection.reason(), caller.get()));
  }

  private ApplicationView view(MembershipApplication a) {
    return new ApplicationView(
        a.getId(),
        a.getCode(),
        applications.name(a),
        a.getStatus().name(),
        a.getSubmittedAt(),
        a.getApplicantName(),
        a.getApplicantRole(),
        a.getApplicantEmail(),
        a.getApplicantPhone(),
        a.getMessage(),
        a.getLanguage(),
        a.getDecidedAt(),
        a.getDecidedByName(),
        a.getDecisionReason(),
        a.getMemberSince());
  }

  private static List<ApplicationStatus> statuses(String status) {
    List<ApplicationStatus> statuses = new ArrayList<>();
    for (String s : status.split(",")) {
      String name = s.trim().toUpperCase(Locale.ROOT);
      if (name.equals(ApplicationStatus.UNCONFIRMED.name())
          || Arrays.stream(ApplicationStatus.values()).noneMatch(v -> v.name().equals(name))) {
        throw new ValidationProblem("status", "status must be SUBMITTED, APPROVED or REJECTED.");
      }
      statuses.add(ApplicationStatus.valueOf(name));
    }
    return statuses;
  }

  private static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No application " + id + " here.");
    }
  }
}
