package eu.municipia.membership.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.membership.control.Applications;
import eu.municipia.membership.entity.ApplicationForm;
import eu.municipia.membership.entity.ApplicationStatus;
import eu.municipia.membership.entity.MembershipApplication;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.platform.entity.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
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

  public record NewApplication(
      String code,
      String applicantName,
      String applicantRole,
      String email,
      String phone,
      String message,
      Boolean consent,
      String language) {}

  public record Approval(LocalDate since) {}

  public record Rejection(String reason) {}

  public record Submitted(UUID id, String code, String status) {}

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

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(NewApplication body) {
    if (body == null) {
      throw new ValidationProblem("code", "The request needs a JSON body.");
    }
    ApplicationForm form =
        new ApplicationForm(
            body.applicantName(),
            body.applicantRole(),
            body.email(),
            body.phone(),
            body.message(),
            Boolean.TRUE.equals(body.consent()));
    List<Problem.FieldError> errors = new ArrayList<>();
    if (!MunicipalityCode.isValid("CZ", body.code())) {
      errors.add(
          new Problem.FieldError("code", "code must be the 6-digit code of a municipality."));
    }
    ResourceBundle texts = ResourceBundle.getBundle(MESSAGES, Locale.ENGLISH);
    form.errors()
        .forEach((field, key) -> errors.add(new Problem.FieldError(field, texts.getString(key))));
    if (!errors.isEmpty()) {
      throw new ValidationProblem(errors);
    }
    MembershipApplication submitted =
        applications.submit(
            new MunicipalityCode("CZ", body.code()), form.applicant(), body.language());
    return Response.status(Response.Status.CREATED)
        .entity(new Submitted(submitted.getId(), submitted.getCode(), submitted.getStatus().name()))
        .build();
  }

  @GET
  @RolesAllowed(Role.ADMIN)
  public List<ApplicationView> list(
      @QueryParam("status") @DefaultValue("SUBMITTED") String status,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    ValidationProblem.checkPage(offset, limit);
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

  static final String MESSAGES = "eu.municipia.platform.boundary.messages";

  private static List<ApplicationStatus> statuses(String status) {
    List<ApplicationStatus> statuses = new ArrayList<>();
    for (String s : status.split(",")) {
      String name = s.trim().toUpperCase(Locale.ROOT);
      if (Arrays.stream(ApplicationStatus.values()).noneMatch(v -> v.name().equals(name))) {
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
