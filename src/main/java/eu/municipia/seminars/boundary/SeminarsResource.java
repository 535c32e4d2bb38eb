package eu.municipia.seminars.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Role;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.entity.Page;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.publicforms.control.PublicForms;
import eu.municipia.seminars.control.Attendance;
import eu.municipia.seminars.control.CertificateIssuer;
import eu.municipia.seminars.control.EventLines;
import eu.municipia.seminars.control.Registrants;
import eu.municipia.seminars.control.Registrations;
import eu.municipia.seminars.control.SeminarCalendar;
import eu.municipia.seminars.control.SeminarFigures;
import eu.municipia.seminars.control.Seminars;
import eu.municipia.seminars.entity.EventKind;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.RegistrationForm;
import eu.municipia.seminars.entity.Seminar;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The association's events. Anyone lists them and reads them (nothing personal), and takes their
 * calendar files; members of the association register (confirmed at once, or in line), the public
 * too where the event is open to it (after confirming the e-mail address); admins create, change
 * and cancel events, see the queue and move registrations with a reason, check people in, export
 * the attendance and read the figures.
 */
@Path("tenants/{tenant}/seminars")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Transactional
public class SeminarsResource {

  /** The form's name for the budgets of public forms. */
  public static final String FORM = "seminar-registration";

  @Inject Seminars seminars;
  @Inject Registrations registrations;
  @Inject Registrants registrants;
  @Inject Attendance attendance;
  @Inject SeminarFigures figures;
  @Inject CertificateIssuer certificates;
  @Inject CurrentCaller caller;
  @Inject PublicForms publicForms;
  @Inject TenantContext tenants;
  @Inject Links links;
  @Inject EventLines lines;

  /** A registration: the people, the contact (members), consent, language; website: honeypot. */
  public record RegistrationBody(
      List<PersonBody> people,
      String contactName,
      String contactEmail,
      String organisation,
      Boolean consent,
      String language,
      String website) {}

  public record PersonBody(String name, String email, String role) {}

  /** What the public is told whatever happened: the address gets a link to confirm. */
  public record Submitted(String status) {}

  public record Cancellation(String reason) {}

  /** An admin's move: FRONT (head of the line), CONFIRM (in, if free), CANCEL; and why. */
  public record MoveBody(String to, String reason) {}

  /** A check-in: the ticket's code, or the person's id (chosen by name). */
  public record CheckInBody(String code, String participant) {}

  /** Each event's figures by its id, and each year's. */
  public record Figures(
      Map<String, SeminarFigures.EventFigures> events, List<SeminarFigures.YearFigures> years) {}

  @GET
  @PermitAll
  public Page<SeminarViews.Summary> list(
      @QueryParam("when") @DefaultValue("upcoming") String when,
      @QueryParam("topic") String topic,
      @QueryParam("kind") String kind,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Page.check(offset, limit);
    return seminars
        .search(when(when), topic, kind(kind), offset, limit)
        .map(s -> SeminarViews.Summary.of(s, seminars.places(s)));
  }

  @GET
  @Path("{id}")
  @PermitAll
  public SeminarViews.Detail get(@PathParam("id") String id) {
    Seminar s = seminars.require(uuid(id));
    return SeminarViews.Detail.of(s, seminars.places(s));
  }

  @POST
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(SeminarViews.EventBody body) {
    Seminar s = seminars.create(event(body).form(seminars.defaultOfferHours()), caller.get());
    return Response.status(Response.Status.CREATED)
        .entity(SeminarViews.Detail.of(s, seminars.places(s)))
        .build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public SeminarViews.Detail change(@PathParam("id") String id, SeminarViews.EventBody body) {
    Seminar s =
        seminars.change(uuid(id), event(body).form(seminars.defaultOfferHours()), caller.get());
    return SeminarViews.Detail.of(s, seminars.places(s));
  }

  @POST
  @Path("{id}/cancellation")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public SeminarViews.Detail cancel(@PathParam("id") String id, Cancellation body) {
    Seminar s = seminars.cancel(uuid(id), body == null ? null : body.reason(), caller.get());
    return SeminarViews.Detail.of(s, seminars.places(s));
  }

  /** Every event of the association as an iCalendar feed to subscribe to. */
  @GET
  @Path("calendar.ics")
  @PermitAll
  @Produces(SeminarCalendar.MEDIA_TYPE)
  public Response feed() {
    byte[] calendar =
        SeminarCalendar.of(
            seminars.all(),
            tenants.current().name(Locale.forLanguageTag("cs")),
            links.of(tenants.current()),
            Instant.now());
    return Response.ok(calendar)
        .header("Content-Disposition", "inline; filename=\"" + tenants.current().id() + ".ics\"")
        .build();
  }

  /** One event as an iCalendar file ("add to calendar"). */
  @GET
  @Path("{id}/calendar.ics")
  @PermitAll
  @Produces(SeminarCalendar.MEDIA_TYPE)
  public Response calendar(@PathParam("id") String id) {
    Seminar s = seminars.require(uuid(id));
    byte[] calendar =
        SeminarCalendar.of(
            List.of(s),
            tenants.current().name(Locale.forLanguageTag("cs")),
            links.of(tenants.current()),
            Instant.now());
    return Response.ok(calendar)
        .header("Content-Disposition", "attachment; filename=\"event.ics\"")
        .build();
  }

  /**
   * Registers people. A member of the association (logged in) registers at once: 201 with the
   * registration, CONFIRMED or WAITING. Anyone else registers one person for an event open to the
   * public: 202, and the address gets a link that makes the registration count (the same answer
   * whatever happens next; {@code website} is the honeypot and must stay empty; limited per client
   * and association, 429 beyond).
   */
  @POST
  @Path("{id}/registrations")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional(Transactional.TxType.NOT_SUPPORTED) // each step has its own; see EventLines
  public Response register(
      @PathParam("id") String id, RegistrationBody body, @Context HttpServletRequest request) {
    UUID seminar = uuid(id);
    RegistrationBody given =
        body == null ? new RegistrationBody(null, null, null, null, null, null, null) : body;
    String language = "en".equals(given.language()) ? "en" : "cs";
    if (request.isUserInRole(Role.MEMBER)) {
      RegistrationForm form = form(given, false);
      Caller who = caller.get();
      Registrations.Origin origin = registrants.of(who);
      Registration r =
          lines.inLine(
              seminar,
              () -> registrations.registerMembers(seminar, form, language, origin, who, false));
      return Response.status(Response.Status.CREATED).entity(view(r)).build();
    }
    if (publicForms.admit(FORM, request, given.website()) == PublicForms.Admission.ADMITTED) {
      registrations.registerPublic(seminar, form(given, true), language);
    }
    return Response.accepted(new Submitted("UNCONFIRMED")).build();
  }

  /** The queue of an event: every registration that entered, in arrival order, with its people. */
  @GET
  @Path("{id}/registrations")
  @RolesAllowed(Role.ADMIN)
  public List<SeminarViews.RegistrationView> queue(@PathParam("id") String id) {
    UUID seminar = seminars.require(uuid(id)).id();
    return registrations.queue(seminar).stream().map(this::view).toList();
  }

  @POST
  @Path("{id}/registrations/{registration}/move")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public SeminarViews.RegistrationView move(
      @PathParam("id") String id, @PathParam("registration") String registration, MoveBody body) {
    Registration r = registrations.require(uuid(registration));
    if (!r.seminarId().equals(uuid(id))) {
      throw new NotFoundException("No such registration for this event.");
    }
    MoveBody given = body == null ? new MoveBody(null, null) : body;
    return view(registrations.move(r.id(), move(given.to()), given.reason(), caller.get()));
  }

  @POST
  @Path("{id}/checkins")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public SeminarViews.Person checkIn(@PathParam("id") String id, CheckInBody body) {
    UUID seminar = uuid(id);
    CheckInBody given = body == null ? new CheckInBody(null, null) : body;
    Participant p =
        given.participant() != null && !given.participant().isBlank()
            ? registrations.checkInPerson(seminar, uuid(given.participant()), caller.get())
            : registrations.checkIn(seminar, given.code(), caller.get());
    return SeminarViews.Person.of(p);
  }

  @GET
  @Path("{id}/attendance")
  @RolesAllowed(Role.ADMIN)
  public List<Attendance.Row> attendance(@PathParam("id") String id) {
    return attendance.rows(seminars.require(uuid(id)).id());
  }

  @GET
  @Path("{id}/attendance.csv")
  @RolesAllowed(Role.ADMIN)
  @Produces("text/csv; charset=UTF-8")
  public Response attendanceCsv(@PathParam("id") String id) {
    List<Attendance.Row> rows = attendance.rows(seminars.require(uuid(id)).id());
    StreamingOutput csv = out -> Attendance.csv(rows, out);
    return Response.ok(csv)
        .header("Content-Disposition", "attachment; filename=\"attendance.csv\"")
        .build();
  }

  @GET
  @Path("{id}/attendance.xlsx")
  @RolesAllowed(Role.ADMIN)
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  public Response attendanceXlsx(@PathParam("id") String id) {
    Seminar s = seminars.require(uuid(id));
    List<Attendance.Row> rows = attendance.rows(s.id());
    StreamingOutput xlsx = out -> Attendance.xlsx(rows, s.title(), out);
    return Response.ok(xlsx)
        .header("Content-Disposition", "attachment; filename=\"attendance.xlsx\"")
        .build();
  }

  /** A checked-in person's certificate, for the admin. */
  @GET
  @Path("{id}/participants/{participant}/certificate.pdf")
  @RolesAllowed(Role.ADMIN)
  @Produces("application/pdf")
  public Response certificate(
      @PathParam("id") String id, @PathParam("participant") String participant) {
    Participant p = registrations.participant(uuid(participant));
    if (!p.seminarId().equals(uuid(id))) {
      throw new NotFoundException("No such person at this event.");
    }
    return pdf(certificates.forAdmin(p));
  }

  /** Whether a certificate is genuine: anyone with its code may ask. */
  @GET
  @Path("certificates/{code}")
  @PermitAll
  public CertificateIssuer.Check verify(@PathParam("code") String code) {
    return certificates
        .check(code)
        .orElseThrow(() -> new NotFoundException("No certificate with this code."));
  }

  @GET
  @Path("figures")
  @RolesAllowed(Role.ADMIN)
  public Figures figures() {
    Map<String, SeminarFigures.EventFigures> events = new java.util.TreeMap<>();
    figures.perEvent().forEach((id, f) -> events.put(id.toString(), f));
    return new Figures(events, figures.perYear());
  }

  static Response pdf(byte[] pdf) {
    return Response.ok(pdf)
        .header("Content-Disposition", "attachment; filename=\"certificate.pdf\"")
        .build();
  }

  private SeminarViews.RegistrationView view(Registration r) {
    return SeminarViews.RegistrationView.of(r, registrations.position(r), attendance.from(r));
  }

  static RegistrationForm form(RegistrationBody body, boolean publicForm) {
    List<RegistrationForm.PersonLine> people =
        body.people() == null
            ? List.of()
            : body.people().stream()
                .map(
                    p ->
                        p == null
                            ? new RegistrationForm.PersonLine(null, null, null)
                            : new RegistrationForm.PersonLine(p.name(), p.email(), p.role()))
                .toList();
    return new RegistrationForm(
        people,
        body.contactName(),
        body.contactEmail(),
        body.organisation(),
        Boolean.TRUE.equals(body.consent()),
        publicForm);
  }

  private static SeminarViews.EventBody event(SeminarViews.EventBody body) {
    return body == null
        ? new SeminarViews.EventBody(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null)
        : body;
  }

  private static Seminars.When when(String when) {
    try {
      return Seminars.When.valueOf(when.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("when", "seminar.error.when");
    }
  }

  private static EventKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return EventKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("kind", "seminar.error.kind");
    }
  }

  private static Registrations.Move move(String to) {
    try {
      return to == null ? null : Registrations.Move.valueOf(to.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("to", "seminar.error.move");
    }
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFoundException("No such event, registration or person here.");
    }
  }
}
