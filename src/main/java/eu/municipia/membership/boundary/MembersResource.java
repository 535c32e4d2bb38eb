package eu.municipia.membership.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.membership.control.KeptMemberReads;
import eu.municipia.membership.control.MemberContacts;
import eu.municipia.membership.control.MemberDirectory;
import eu.municipia.membership.control.Memberships;
import eu.municipia.membership.entity.Ico;
import eu.municipia.membership.entity.Membership;
import eu.municipia.membership.entity.MembershipEvent;
import eu.municipia.membership.entity.MembershipStatus;
import eu.municipia.membership.entity.NewMember;
import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.platform.control.Csv;
import eu.municipia.platform.entity.Page;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

  @Inject KeptMemberReads directory;
  @Inject MemberContacts contacts;
  @Inject TenantContext tenants;
  @Inject Memberships memberships;
  @Inject Register register;
  @Inject CurrentCaller caller;
  @Context SecurityContext security;

  public record StatusChange(String status, LocalDate date, String reason) {}

  public record MembershipView(String code, String status, LocalDate since, LocalDate until) {
    static MembershipView of(Membership m, String key) {
      return new MembershipView(key, m.status().name(), m.since(), m.until());
    }
  }

  @GET
  @PermitAll
  public Page<MemberDirectory.Member> directory(
      @QueryParam("q") String query,
      @QueryParam("district") String district,
      @QueryParam("status") String status,
      @QueryParam("sort") @DefaultValue("name") String sort,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Page.check(offset, limit);
    return directory.search(query, district, statuses(status), sort(sort), offset, limit);
  }

  /** The members-only directory: each member with its current officials and contacts. */
  @GET
  @Path("contacts")
  @RolesAllowed(Role.MEMBER)
  public Page<MemberContacts.Entry> contacts(
      @QueryParam("q") String query,
      @QueryParam("district") String district,
      @QueryParam("status") String status,
      @QueryParam("sort") @DefaultValue("name") String sort,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Page.check(offset, limit);
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
    // Read before the answer starts: a refusal is still a clean problem, not a broken download.
    List<MemberContacts.Entry> members = new java.util.ArrayList<>();
    Page<MemberContacts.Entry> page;
    do {
      page =
          contacts.search(
              null, null, asked, MemberDirectory.Sort.NAME, members.size(), Page.MAX_LIMIT);
      members.addAll(page.items());
    } while (!page.items().isEmpty() && members.size() < page.total());
    StreamingOutput csv =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          Csv.Spreadsheet sheet = Csv.spreadsheet(writer, MemberCsv.HEADER);
          members.forEach(m -> MemberCsv.row(sheet, m));
          sheet.flush();
        };
    String file = "members-" + tenants.current().id() + ".csv";
    return Response.ok(csv)
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
    NewMember given = member == null ? new NewMember(null, null, null, null, null) : member;
    Membership added = memberships.add(given, caller.get());
    return Response.status(Response.Status.CREATED)
        .entity(MembershipView.of(added, given.key()))
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
    // The container's role check only when more than the public list is asked: most requests are
    // the public's, and a kept answer needs nothing else of the caller.
    if (!asked.equals(List.of(MembershipStatus.ACTIVE.name()))
        && !security.isUserInRole(Role.MEMBER)) {
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
