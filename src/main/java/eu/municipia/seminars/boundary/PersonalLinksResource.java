package eu.municipia.seminars.boundary;

import eu.municipia.seminars.control.Attendance;
import eu.municipia.seminars.control.CertificateIssuer;
import eu.municipia.seminars.control.PersonalLinks;
import eu.municipia.seminars.control.Registrations;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.Registration;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * What the personal links in the mail do, for programs (the pages do the same): confirm a public
 * registration's address, view a registration, accept or decline an offer, cancel, correct or add
 * people, and download a certificate. The token from the link is the only credential; an unknown
 * token is 404.
 */
@Path("tenants/{tenant}/seminar-registrations")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@RequestScoped
@Transactional
public class PersonalLinksResource {

  @Inject Registrations registrations;
  @Inject Attendance attendance;
  @Inject CertificateIssuer certificates;

  public record Token(String token) {}

  /** Accept (true) or decline (false) the places offered. */
  public record OfferAnswer(String token, Boolean accept) {}

  /** Cancel the whole registration, or one person of it (a ticket's link: that person). */
  public record CancelBody(String token, String participant) {}

  public record PersonBody(String token, String name, String email, String role) {}

  /** The address is confirmed (the token from the link): the registration enters. */
  @POST
  @Path("confirmation")
  @Consumes(MediaType.APPLICATION_JSON)
  public SeminarViews.RegistrationView confirm(Token body) {
    return view(registrations.confirmAddress(body == null ? null : body.token()));
  }

  /** The registration a link opens; a ticket's link shows its person only. */
  @GET
  public SeminarViews.RegistrationView open(@QueryParam("token") String token) {
    PersonalLinks.Opened opened = registrations.open(token);
    SeminarViews.RegistrationView whole = view(opened.registration());
    if (opened.participant().isEmpty()) {
      return whole;
    }
    Participant p = opened.participant().get();
    return new SeminarViews.RegistrationView(
        whole.id(),
        whole.seminar(),
        whole.status(),
        whole.number(),
        whole.position(),
        whole.places(),
        whole.from(),
        null,
        null,
        whole.registeredAt(),
        whole.offerExpiresAt(),
        whole.cancelledAt(),
        whole.cancelReason(),
        List.of(SeminarViews.Person.of(p)));
  }

  @POST
  @Path("offer")
  @Consumes(MediaType.APPLICATION_JSON)
  public SeminarViews.RegistrationView answer(OfferAnswer body) {
    OfferAnswer given = body == null ? new OfferAnswer(null, null) : body;
    if (given.accept() == null) {
      throw eu.municipia.platform.entity.Refusal.invalid("accept", "seminar.error.answer");
    }
    Registration r =
        given.accept() ? registrations.accept(given.token()) : registrations.decline(given.token());
    return view(r);
  }

  @POST
  @Path("cancellation")
  @Consumes(MediaType.APPLICATION_JSON)
  public SeminarViews.RegistrationView cancel(CancelBody body) {
    CancelBody given = body == null ? new CancelBody(null, null) : body;
    Registration r =
        given.participant() == null || given.participant().isBlank()
            ? registrations.cancel(given.token())
            : registrations.cancelPerson(given.token(), SeminarsResource.uuid(given.participant()));
    return view(r);
  }

  @POST
  @Path("people")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(PersonBody body) {
    PersonBody given = body == null ? new PersonBody(null, null, null, null) : body;
    Participant added =
        registrations.add(
            given.token(),
            new Participant.Person(
                given.name() == null ? "" : given.name(),
                given.email() == null ? "" : given.email(),
                given.role()));
    return Response.status(Response.Status.CREATED).entity(SeminarViews.Person.of(added)).build();
  }

  @PUT
  @Path("people/{participant}")
  @Consumes(MediaType.APPLICATION_JSON)
  public SeminarViews.Person rename(@PathParam("participant") String participant, PersonBody body) {
    PersonBody given = body == null ? new PersonBody(null, null, null, null) : body;
    return SeminarViews.Person.of(
        registrations.rename(
            given.token(), SeminarsResource.uuid(participant), given.name(), given.role()));
  }

  /** The certificate of the ticket's person, once the event has ended. */
  @GET
  @Path("certificate.pdf")
  @Produces("application/pdf")
  public Response certificate(@QueryParam("token") String token) {
    PersonalLinks.Opened opened = registrations.open(token);
    Participant p =
        opened
            .participant()
            .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("Not a ticket."));
    return SeminarsResource.pdf(certificates.forAttendee(p));
  }

  private SeminarViews.RegistrationView view(Registration r) {
    return SeminarViews.RegistrationView.of(r, registrations.position(r), attendance.from(r));
  }
}
