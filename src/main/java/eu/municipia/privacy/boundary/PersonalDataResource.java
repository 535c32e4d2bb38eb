package eu.municipia.privacy.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.privacy.control.PersonalData;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The association admin answers a person's GDPR request: export (a JSON file of everything held
 * about the e-mail address) and erasure.
 */
@Path("tenants/{tenant}/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@RequestScoped
public class PersonalDataResource {

  @Inject PersonalData personalData;
  @Inject CurrentCaller caller;

  public record ErasureRequest(String email, Boolean confirm) {}

  @GET
  public PersonalData.Export export(@QueryParam("email") String email) {
    return personalData.export(valid(email), caller.get());
  }

  @POST
  @Path("erasure")
  @Consumes(MediaType.APPLICATION_JSON)
  public PersonalData.Erasure erase(ErasureRequest request) {
    if (request == null || !Boolean.TRUE.equals(request.confirm())) {
      throw new ValidationProblem(
          "confirm", "Erasure cannot be undone: send \"confirm\": true to go ahead.");
    }
    return personalData.erase(valid(request.email()), caller.get());
  }

  private static String valid(String email) {
    if (email == null || !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new ValidationProblem("email", "email must be the person's e-mail address.");
    }
    return email;
  }
}
