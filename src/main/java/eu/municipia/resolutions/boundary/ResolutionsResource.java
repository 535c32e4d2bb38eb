package eu.municipia.resolutions.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.platform.control.Csv;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.entity.Page;
import eu.municipia.resolutions.control.Register;
import eu.municipia.resolutions.control.RegisterFilter;
import eu.municipia.resolutions.control.Resolutions;
import eu.municipia.resolutions.entity.Resolution;
import eu.municipia.resolutions.entity.ResolutionForm;
import eu.municipia.resolutions.entity.Task;
import eu.municipia.resolutions.entity.TaskForm;
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
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The register of resolutions. Readers (the public, and members who also see members-only ones)
 * search it as JSON or CSV (open data) and read each resolution; admins record resolutions after
 * the vote (number and outcome computed), publish them, correct them by revisions, and follow up
 * their tasks.
 */
@Path("tenants/{tenant}/resolutions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ResolutionsResource {

  /** The most rows one CSV export holds. */
  static final int CSV_ROWS = 10_000;

  @Inject Register register;
  @Inject Resolutions resolutions;
  @Inject TenantContext tenants;
  @Inject Links links;
  @Inject CurrentCaller caller;
  @Context SecurityContext security;

  /** A resolution as its admin sees it, drafts included. */
  public record Recorded(
      UUID id,
      String number,
      String title,
      String text,
      String type,
      LocalDateTime votedAt,
      int votesFor,
      int votesAgainst,
      int abstained,
      int present,
      int basis,
      int quorum,
      String majority,
      int needed,
      String outcome,
      String visibility,
      UUID changesId,
      String changeKind,
      Instant publishedAt) {
    static Recorded of(Resolution r) {
      return new Recorded(
          r.id(),
          r.number(),
          r.title(),
          r.text(),
          r.type().name(),
          r.votedAt(),
          r.votesFor(),
          r.votesAgainst(),
          r.abstained(),
          r.present(),
          r.basis(),
          r.quorum(),
          r.majority().name(),
          r.needed(),
          r.outcome().name(),
          r.visibility().name(),
          r.changesId(),
          r.changeKind() == null ? null : r.changeKind().name(),
          r.publishedAt());
    }
  }

  /** A new title and text; the reason is required once the resolution is published. */
  public record TextChange(String title, String text, String reason) {}

  @GET
  @PermitAll
  public Response search(
      @QueryParam("q") String query,
      @QueryParam("body") String body,
      @QueryParam("year") String year,
      @QueryParam("outcome") String outcome,
      @QueryParam("tasks") String tasks,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    Page.check(offset, limit);
    RegisterFilter filter = RegisterFilter.of(query, body, year, outcome, tasks, true);
    Register.Result result = register.search(filter, member(), offset, limit);
    return Response.ok(result.page())
        .header("Search-Mode", result.approximate() ? "approximate" : "exact")
        .build();
  }

  /**
   * The same search as a spreadsheet (UTF-8, semicolons, as Excel in a Czech locale opens it): open
   * data, one resolution per row, with a link to each.
   */
  @GET
  @Path("export.csv")
  @PermitAll
  @Produces("text/csv; charset=UTF-8")
  public Response export(
      @QueryParam("q") String query,
      @QueryParam("body") String body,
      @QueryParam("year") String year,
      @QueryParam("outcome") String outcome,
      @QueryParam("tasks") String tasks) {
    RegisterFilter filter = RegisterFilter.of(query, body, year, outcome, tasks, true);
    List<Register.Detail> rows = register.all(filter, member(), CSV_ROWS);
    Links.Site site = links.of(tenants.current());
    StreamingOutput csv =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          Csv.Spreadsheet sheet = Csv.spreadsheet(writer, ResolutionCsv.HEADER);
          rows.forEach(r -> ResolutionCsv.row(sheet, r, site));
          sheet.flush();
        };
    return Response.ok(csv)
        .header(
            "Content-Disposition",
            "attachment; filename=\"resolutions-" + tenants.current().id() + ".csv\"")
        .build();
  }

  @GET
  @Path("{id}")
  @PermitAll
  public Register.Detail resolution(@PathParam("id") String id) {
    return register
        .detail(Ids.of(id), member())
        .orElseThrow(() -> new NotFoundException("No resolution " + id + " here."));
  }

  @POST
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response record(ResolutionForm form) {
    ResolutionForm given =
        form == null
            ? new ResolutionForm(
                null, null, null, null, null, null, null, null, null, null, null, null, null)
            : form;
    Resolution recorded = resolutions.record(given, caller.get());
    return Response.status(Response.Status.CREATED).entity(Recorded.of(recorded)).build();
  }

  /** A resolution as its admin sees it, also before it is published. */
  @GET
  @Path("{id}/record")
  @RolesAllowed(Role.ADMIN)
  public Recorded recorded(@PathParam("id") String id) {
    return Recorded.of(resolutions.require(Ids.of(id)));
  }

  @POST
  @Path("{id}/publication")
  @RolesAllowed(Role.ADMIN)
  public Recorded publish(@PathParam("id") String id) {
    return Recorded.of(resolutions.publish(Ids.of(id), caller.get()));
  }

  @PUT
  @Path("{id}/text")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Recorded changeText(@PathParam("id") String id, TextChange change) {
    TextChange given = change == null ? new TextChange(null, null, null) : change;
    UUID resolution = Ids.of(id);
    resolutions.changeText(resolution, given.title(), given.text(), given.reason(), caller.get());
    return Recorded.of(resolutions.require(resolution));
  }

  @POST
  @Path("{id}/tasks")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addTask(@PathParam("id") String id, TaskForm form) {
    Task task = resolutions.addTask(Ids.of(id), form == null ? emptyTask() : form, caller.get());
    return Response.status(Response.Status.CREATED).entity(taskView(task)).build();
  }

  @PUT
  @Path("{id}/tasks/{task}")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> changeTask(
      @PathParam("id") String id, @PathParam("task") String task, TaskForm form) {
    return taskView(
        resolutions.changeTask(
            Ids.of(id), Ids.of(task), form == null ? emptyTask() : form, caller.get()));
  }

  private static TaskForm emptyTask() {
    return new TaskForm(null, null, null, null, null);
  }

  private static Map<String, Object> taskView(Task t) {
    Map<String, Object> view = new java.util.LinkedHashMap<>();
    view.put("id", t.id().toString());
    view.put("what", t.what());
    view.put("who", t.who());
    view.put("dueOn", t.dueOn() == null ? null : t.dueOn().toString());
    view.put("state", t.state().name());
    view.put("progress", t.progress());
    return view;
  }

  private boolean member() {
    return security.isUserInRole(Role.MEMBER);
  }
}
