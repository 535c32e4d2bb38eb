package eu.municipia.membership.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.membership.control.MemberContacts;
import eu.municipia.membership.control.MemberDirectory;
import eu.municipia.membership.control.Memberships;
import eu.municipia.membership.entity.Ico;
import eu.municipia.membership.entity.Membership;
import eu.municipia.membership.entity.MembershipEvent;
import eu.municipia.membership.entity.MembershipStatus;
import eu.municipia.membership.entity.OrganizationKind;
import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.platform.entity.Problem;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The association's members. The public sees active members (name, district, population, since);
 * members of the association see every status; association admins add members and change their
 * status, each change audited and kept in the membership's history.
 */
@Path("tenants/{tenant}/members")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class MembersResource {

  @Inject MemberDirectory directory;
  @Inject MemberContacts contacts;
  @Inject TenantContext tenants;
  @Inject Memberships memberships;
  @Inject Register register;
  @Inject CurrentCaller caller;
  @Context SecurityContext security;

  /**
   * A municipality by its {@code code}, or an organization (micro-region, company) by its {@code
   * ico} with its {@code name} and {@code kind}.
   */
  public record NewMember(String code, String ico, String name, String kind, LocalDate since) {}

  public record StatusChange(String status, LocalDate date, String reason) {}

  public record MembershipView(String code, String status, LocalDate since, LocalDate until) {
    static MembershipView of(Membership m, String key) {
      return new MembershipView(key, m.status().name(), m.since(), m.until());
    }
  }

  @GET
  @PermitAll
  public MemberDirectory.Page directory(
      @QueryParam("q") String query,
      @QueryParam("district") String district,
      @QueryParam("status") String status,
      @QueryParam("sort") @DefaultValue("name") String sort,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    ValidationProblem.checkPage(offset, limit);
    return directory.search(query, district, statuses(status), sort(sort), offset, limit);
  }

  /** The members-only directory: each member with its current officials and contacts. */
  @GET
  @Path("contacts")
  @RolesAllowed(Role.MEMBER)
  public MemberContacts.Page contacts(
      @QueryParam("q") String query,
      @QueryParam("district") String district,
      @QueryParam("status") String status,
      @QueryParam("sort") @DefaultValue("name") String sort,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    ValidationProblem.checkPage(offset, limit);
    return contacts.search(query, district, statuses(status), sort(sort), offset, limit);
  }

  /**
   * Every member with its contacts as a spreadsheet for the association's office: UTF-8 with a byte
   * order mark and semicolons, which is what Excel in a Czech locale opens directly.
   */
  @GET
  @Path("export.csv")
  @RolesAllowed(Role.ADMIN)
  @Produces("text/csv; charset=UTF-8")
  public Response export(
      @QueryParam("status") @DefaultValue("ACTIVE,SUSPENDED,LEFT") String status) {
    List<String> asked = statuses(status);
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(MemberCsv.HEADER);
    int offset = 0;
    MemberContacts.Page page;
    do {
      page = contacts.search(null, null, asked, MemberDirectory.Sort.NAME, offset, 500);
      page.items().forEach(e -> csv.append(MemberCsv.line(e)));
      offset += 500;
    } while (offset < page.total());
    String file = "members-" + tenants.current().id() + ".csv";
    return Response.ok(csv.toString())
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  /**
   * The active members with their place on the map (register point, latest population), for the
   * coverage page's map and for programs. Public, like the directory of active members.
   */
  @GET
  @Path("map")
  @PermitAll
  public List<MemberDirectory.MapPoint> map() {
    return directory.mapPoints();
  }

  @POST
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(NewMember member) {
    if (member != null && member.ico() != null && member.code() == null) {
      return addOrganization(member);
    }
    if (member == null || member.code() == null || !MunicipalityCode.isValid("CZ", member.code())) {
      throw new ValidationProblem("code", "code must be the 6-digit code of a municipality.");
    }
    if (!register.exists("CZ", member.code())) {
      throw new ValidationProblem("code", "No municipality " + member.code() + " in the register.");
    }
    if (member.since() == null) {
      throw new ValidationProblem("since", "since (the date the membership began) is required.");
    }
    Membership added =
        memberships.add(new MunicipalityCode("CZ", member.code()), member.since(), caller.get());
    return Response.status(Response.Status.CREATED)
        .entity(MembershipView.of(added, member.code()))
        .build();
  }

  private Response addOrganization(NewMember member) {
    List<Problem.FieldError> errors = new java.util.ArrayList<>();
    if (!Ico.isValid(member.ico())) {
      errors.add(
          new Problem.FieldError(
              "ico", "ico must be an organization's 8-digit IČO (check digit)."));
    }
    if (member.name() == null || member.name().isBlank()) {
      errors.add(new Problem.FieldError("name", "name (the organization's name) is required."));
    }
    OrganizationKind kind = null;
    try {
      kind = OrganizationKind.valueOf(String.valueOf(member.kind()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(
          new Problem.FieldError(
              "kind", "kind must be one of " + Arrays.toString(OrganizationKind.values()) + "."));
    }
    if (member.since() == null) {
      errors.add(
          new Problem.FieldError("since", "since (the date the membership began) is required."));
    }
    if (!errors.isEmpty()) {
      throw new ValidationProblem(errors);
    }
    Membership added =
        memberships.addOrganization(
            new Ico(member.ico()), member.name(), kind, member.since(), caller.get());
    return Response.status(Response.Status.CREATED)
        .entity(MembershipView.of(added, member.ico()))
        .build();
  }

  @PUT
  @Path("{code}/status")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public MembershipView changeStatus(@PathParam("code") String code, StatusChange change) {
    String municipality = key(code);
    String target = change == null || change.status() == null ? "" : change.status();
    Membership changed =
        switch (target.toUpperCase(Locale.ROOT)) {
          case "SUSPENDED" -> memberships.suspend(municipality, change.reason(), caller.get());
          case "ACTIVE" -> memberships.reinstate(municipality, caller.get());
          case "LEFT" -> {
            if (change.date() == null) {
              throw new ValidationProblem("date", "date (the last day of membership) is required.");
            }
            yield memberships.end(municipality, change.date(), change.reason(), caller.get());
          }
          default ->
              throw new ValidationProblem("status", "status must be SUSPENDED, ACTIVE or LEFT.");
        };
    return MembershipView.of(changed, municipality);
  }

  @GET
  @Path("{code}/history")
  @RolesAllowed(Role.ADMIN)
  public List<MembershipEvent> history(@PathParam("code") String code) {
    return memberships.history(key(code));
  }

  private List<String> statuses(String status) {
    boolean member = security.isUserInRole(Role.MEMBER);
    if (status == null || status.isBlank()) {
      return List.of(MembershipStatus.ACTIVE.name());
    }
    List<String> asked =
        Arrays.stream(status.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
    for (String s : asked) {
      if (Arrays.stream(MembershipStatus.values()).noneMatch(v -> v.name().equals(s))) {
        throw new ValidationProblem("status", "Unknown status '" + s + "'.");
      }
    }
    if (!member && !asked.equals(List.of(MembershipStatus.ACTIVE.name()))) {
      // Only members of the association see applications, suspensions and former members.
      throw new jakarta.ws.rs.ForbiddenException("Only members see memberships in that status.");
    }
    return asked;
  }

  private static MemberDirectory.Sort sort(String sort) {
    try {
      return MemberDirectory.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationProblem("sort", "sort must be name, population or since.");
    }
  }

  /** A member's key in a path: a municipality's 6-digit code or an organization's IČO. */
  private static String key(String code) {
    if (!MunicipalityCode.isValid("CZ", code) && !Ico.isValid(code)) {
      throw new NotFoundException("No membership of " + code + " here.");
    }
    return code;
  }
}
