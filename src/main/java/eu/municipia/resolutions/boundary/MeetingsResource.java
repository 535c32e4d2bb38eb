package eu.municipia.resolutions.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.resolutions.control.Meetings;
import eu.municipia.resolutions.control.Register;
import eu.municipia.resolutions.control.ResolutionsPdf;
import eu.municipia.resolutions.entity.AgendaItem;
import eu.municipia.resolutions.entity.Attendance;
import eu.municipia.resolutions.entity.Enums;
import eu.municipia.resolutions.entity.FileKind;
import eu.municipia.resolutions.entity.Meeting;
import eu.municipia.resolutions.entity.MeetingFile;
import eu.municipia.resolutions.entity.MeetingForm;
import eu.municipia.resolutions.entity.Visibility;
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
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Meetings of the bodies. Their number, day and place are public; the agenda, the online link and
 * members-only files and resolutions are for the association's members; admins announce meetings
 * and record their agenda, attendance and files, and invite the seat holders.
 */
@Path("tenants/{tenant}/meetings")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class MeetingsResource {

  @Inject Meetings meetings;
  @Inject Register register;
  @Inject ResolutionsPdf pdf;
  @Inject TenantContext tenants;
  @Inject CurrentCaller caller;
  @Context SecurityContext security;

  public record MeetingBody(
      UUID bodyId, Integer number, LocalDateTime startsAt, String place, String onlineUrl) {}

  public record MeetingSummary(
      UUID id, UUID bodyId, int number, LocalDateTime startsAt, String place) {
    static MeetingSummary of(Meeting m) {
      return new MeetingSummary(m.id(), m.bodyId(), m.number(), m.startsAt(), m.place());
    }
  }

  public record AgendaBody(String title) {}

  public record AgendaView(UUID id, int position, String title) {
    static AgendaView of(AgendaItem a) {
      return new AgendaView(a.id(), a.position(), a.title());
    }
  }

  /** A stay at the meeting: who (seat), from when, until when (null: still there). */
  public record AttendanceBody(UUID seatId, LocalDateTime arrivedAt, LocalDateTime leftAt) {}

  public record AttendanceView(
      UUID id, UUID seatId, LocalDateTime arrivedAt, LocalDateTime leftAt) {
    static AttendanceView of(Attendance a) {
      return new AttendanceView(a.id(), a.seatId(), a.arrivedAt(), a.leftAt());
    }
  }

  public record Invited(int invited) {}

  @GET
  @PermitAll
  public List<MeetingSummary> all(@QueryParam("body") String body) {
    UUID bodyId = body == null || body.isBlank() ? null : Ids.of(body);
    return (bodyId == null ? meetings.all() : meetings.ofBody(bodyId))
        .stream().map(MeetingSummary::of).toList();
  }

  @POST
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(MeetingBody body) {
    MeetingBody given = body == null ? new MeetingBody(null, null, null, null, null) : body;
    if (given.bodyId() == null) {
      throw new ValidationProblem("bodyId", "bodyId (the body whose meeting it is) is required.");
    }
    Meeting meeting =
        meetings.create(
            given.bodyId(),
            new MeetingForm(given.number(), given.startsAt(), given.place(), given.onlineUrl()),
            caller.get());
    return Response.status(Response.Status.CREATED).entity(MeetingSummary.of(meeting)).build();
  }

  @GET
  @Path("{id}")
  @PermitAll
  public Register.MeetingView meeting(@PathParam("id") String id) {
    return register
        .meeting(Ids.of(id), member())
        .orElseThrow(() -> new NotFoundException("No meeting " + id + " here."));
  }

  @POST
  @Path("{id}/agenda")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addAgendaItem(@PathParam("id") String id, AgendaBody body) {
    AgendaItem item =
        meetings.addAgendaItem(Ids.of(id), body == null ? null : body.title(), caller.get());
    return Response.status(Response.Status.CREATED).entity(AgendaView.of(item)).build();
  }

  @GET
  @Path("{id}/agenda")
  @RolesAllowed(Role.MEMBER)
  public List<AgendaView> agenda(@PathParam("id") String id) {
    return meetings.agenda(meetings.require(Ids.of(id)).id()).stream().map(AgendaView::of).toList();
  }

  @GET
  @Path("{id}/attendance")
  @RolesAllowed(Role.ADMIN)
  public List<AttendanceView> attendance(@PathParam("id") String id) {
    UUID meeting = meetings.require(Ids.of(id)).id();
    return meetings.attendance(meeting).stream().map(AttendanceView::of).toList();
  }

  @POST
  @Path("{id}/attendance")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response arrive(@PathParam("id") String id, AttendanceBody body) {
    AttendanceBody given = body == null ? new AttendanceBody(null, null, null) : body;
    Attendance stay =
        meetings.arrive(
            Ids.of(id), given.seatId(), given.arrivedAt(), given.leftAt(), caller.get());
    return Response.status(Response.Status.CREATED).entity(AttendanceView.of(stay)).build();
  }

  @PUT
  @Path("{id}/attendance/{attendance}")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public AttendanceView leave(
      @PathParam("id") String id, @PathParam("attendance") String attendance, AttendanceBody body) {
    if (body == null || body.leftAt() == null) {
      throw new ValidationProblem("leftAt", "leftAt (when the person left) is required.");
    }
    return AttendanceView.of(
        meetings.leave(Ids.of(id), Ids.of(attendance), body.leftAt(), caller.get()));
  }

  /** Everyone who holds a seat and has no stay recorded yet, present from the start. */
  @POST
  @Path("{id}/attendance/everyone")
  @RolesAllowed(Role.ADMIN)
  public Map<String, Integer> everyone(@PathParam("id") String id) {
    return Map.of("added", meetings.everyonePresentFromStart(Ids.of(id), caller.get()));
  }

  /** Uploads a PDF (minutes or material); its type is read from its bytes. */
  @POST
  @Path("{id}/files")
  @RolesAllowed(Role.ADMIN)
  @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  public Response addFile(
      @PathParam("id") String id,
      @QueryParam("kind") @DefaultValue("MINUTES") String kind,
      @QueryParam("visibility") @DefaultValue("PUBLIC") String visibility,
      @QueryParam("name") String name,
      InputStream content) {
    FileKind fileKind =
        Enums.parse(FileKind.class, kind)
            .orElseThrow(() -> new ValidationProblem("kind", "kind must be MINUTES or MATERIAL."));
    Visibility readers =
        Enums.parse(Visibility.class, visibility)
            .orElseThrow(
                () -> new ValidationProblem("visibility", "visibility must be PUBLIC or MEMBERS."));
    MeetingFile file = meetings.addFile(Ids.of(id), fileKind, name, content, readers, caller.get());
    return Response.status(Response.Status.CREATED).entity(Meetings.FileInfo.of(file)).build();
  }

  /** A file of the meeting, if the reader may see it (else 404, as if there were none). */
  @GET
  @Path("{id}/files/{file}")
  @PermitAll
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  public Response file(@PathParam("id") String id, @PathParam("file") String fileId) {
    MeetingFile file = meetings.file(Ids.of(id), Ids.of(fileId));
    if (!file.visibility().readableBy(member())) {
      throw new NotFoundException("No file " + fileId + " of this meeting.");
    }
    return Response.ok(file.content(), file.contentType())
        .header("Content-Disposition", "inline; filename=\"" + file.fileName() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** The meeting's resolutions the reader may see, as a PDF. */
  @GET
  @Path("{id}/resolutions.pdf")
  @PermitAll
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  public Response resolutionsPdf(@PathParam("id") String id, @QueryParam("lang") String lang) {
    boolean member = member();
    Register.MeetingView meeting =
        register
            .meeting(Ids.of(id), member)
            .orElseThrow(() -> new NotFoundException("No meeting " + id + " here."));
    Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("cs");
    byte[] document =
        pdf.render(
            tenants.current(), meeting, register.meetingDetails(meeting.id(), member), locale);
    return Response.ok(document, "application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"resolutions-"
                + meeting.number()
                + "-"
                + meeting.startsAt().toLocalDate()
                + ".pdf\"")
        .build();
  }

  @POST
  @Path("{id}/invitations")
  @RolesAllowed(Role.ADMIN)
  public Invited invite(@PathParam("id") String id, @QueryParam("lang") String lang) {
    Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.forLanguageTag("cs");
    return new Invited(meetings.invite(Ids.of(id), locale, caller.get()));
  }

  private boolean member() {
    return security.isUserInRole(Role.MEMBER);
  }
}
