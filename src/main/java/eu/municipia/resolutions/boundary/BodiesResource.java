package eu.municipia.resolutions.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.resolutions.control.Bodies;
import eu.municipia.resolutions.entity.BodyForm;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.resolutions.entity.Seat;
import eu.municipia.resolutions.entity.SeatForm;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The association's governing bodies and their rules (public), and their seats (admins: the seat
 * holders' e-mail addresses are not for everyone). Admins create and change both, audited.
 */
@Path("tenants/{tenant}/bodies")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class BodiesResource {

  @Inject Bodies bodies;
  @Inject CurrentCaller caller;

  public record BodyView(
      UUID id,
      String nameCs,
      String nameEn,
      String kind,
      String numberPattern,
      String quorumBasis,
      String majority,
      Map<String, String> majorityOverrides,
      boolean votesByName) {
    static BodyView of(GoverningBody b) {
      BodyForm f = b.form();
      return new BodyView(
          b.id(),
          f.nameCs(),
          f.nameEn(),
          f.kind(),
          f.numberPattern(),
          f.quorumBasis(),
          f.majority(),
          f.majorityOverrides(),
          f.byName());
    }
  }

  public record SeatView(
      UUID id,
      String name,
      String municipalityCode,
      String email,
      String role,
      LocalDate termFrom,
      LocalDate termTo) {
    static SeatView of(Seat s) {
      return new SeatView(
          s.id(),
          s.name(),
          s.municipalityCode(),
          s.email(),
          s.role().name(),
          s.termFrom(),
          s.termTo());
    }
  }

  @GET
  @PermitAll
  public List<BodyView> all() {
    return bodies.all().stream().map(BodyView::of).toList();
  }

  @POST
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(BodyForm form) {
    GoverningBody body = bodies.create(form == null ? empty() : form, caller.get());
    return Response.status(Response.Status.CREATED).entity(BodyView.of(body)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public BodyView change(@PathParam("id") String id, BodyForm form) {
    return BodyView.of(bodies.change(Ids.of(id), form == null ? empty() : form, caller.get()));
  }

  @GET
  @Path("{id}/seats")
  @RolesAllowed(Role.ADMIN)
  public List<SeatView> seats(@PathParam("id") String id) {
    UUID body = bodies.require(Ids.of(id)).id();
    return bodies.seats(body).stream().map(SeatView::of).toList();
  }

  @POST
  @Path("{id}/seats")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addSeat(@PathParam("id") String id, SeatForm form) {
    Seat seat = bodies.addSeat(Ids.of(id), form == null ? emptySeat() : form, caller.get());
    return Response.status(Response.Status.CREATED).entity(SeatView.of(seat)).build();
  }

  @PUT
  @Path("{id}/seats/{seat}")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public SeatView changeSeat(
      @PathParam("id") String id, @PathParam("seat") String seat, SeatForm form) {
    return SeatView.of(
        bodies.changeSeat(
            Ids.of(id), Ids.of(seat), form == null ? emptySeat() : form, caller.get()));
  }

  private static BodyForm empty() {
    return new BodyForm(null, null, null, null, null, null, null, null);
  }

  private static SeatForm emptySeat() {
    return new SeatForm(null, null, null, null, null, null);
  }
}
