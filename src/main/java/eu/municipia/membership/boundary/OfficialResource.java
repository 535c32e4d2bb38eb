package eu.municipia.membership.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.membership.boundary.OfficialsResource.OfficialForm;
import eu.municipia.membership.boundary.OfficialsResource.OfficialView;
import eu.municipia.membership.control.Officials;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** One official: the association's admins change them and invite them to log in. */
@Path("tenants/{tenant}/officials")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@RequestScoped
public class OfficialResource {

  @Inject Officials officials;
  @Inject CurrentCaller caller;

  @PUT
  @Path("{id}")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public OfficialView change(@PathParam("id") String id, OfficialForm form) {
    return OfficialView.of(officials.change(id(id), OfficialsResource.details(form), caller.get()));
  }

  /**
   * What an invitation did: {@code ACCOUNT_CREATED} (Keycloak mails the new login's activation),
   * {@code ROLE_GRANTED} (the login is the association's already), or {@code ACCEPT_LINK_SENT} (the
   * login is someone's elsewhere: it joins only if its owner accepts the link we mailed).
   */
  public record InvitationView(OfficialView official, String outcome) {}

  @POST
  @Path("{id}/invitation")
  @RolesAllowed(Role.ADMIN)
  public InvitationView invite(@PathParam("id") String id) {
    Officials.Invited invited = officials.invite(id(id), caller.get());
    return new InvitationView(OfficialView.of(invited.official()), invited.outcome().name());
  }

  private static UUID id(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No official " + id + " here.");
    }
  }
}
