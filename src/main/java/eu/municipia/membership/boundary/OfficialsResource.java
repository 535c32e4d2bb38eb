package eu.municipia.membership.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.membership.control.Officials;
import eu.municipia.membership.entity.Official;
import eu.municipia.membership.entity.OfficialRole;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.boundary.ValidationProblem;
import eu.municipia.platform.entity.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Officials and contact people of one member. Members of the association read them; its admins
 * record them. (A root path of its own: JAX-RS picks the root resource by its path alone, so these
 * cannot hang under MembersResource's template without being methods of it.)
 */
@Path("tenants/{tenant}/members/{code}/officials")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class OfficialsResource {

  @Inject Officials officials;
  @Inject CurrentCaller caller;

  public record OfficialForm(
      String role, String name, String email, String phone, LocalDate termFrom, LocalDate termTo) {}

  public record OfficialView(
      UUID id,
      String role,
      String name,
      String email,
      String phone,
      LocalDate termFrom,
      LocalDate termTo,
      Instant invitedAt,
      Instant erasedAt) {
    static OfficialView of(Official o) {
      return new OfficialView(
          o.getId(),
          o.getRole().name(),
          o.getName(),
          o.getEmail(),
          o.getPhone(),
          o.getTermFrom(),
          o.getTermTo(),
          o.getInvitedAt(),
          o.getErasedAt());
    }
  }

  @GET
  @RolesAllowed(Role.MEMBER)
  public List<OfficialView> list(@PathParam("code") String code) {
    return officials.of(code(code)).stream().map(OfficialView::of).toList();
  }

  @POST
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(@PathParam("code") String code, OfficialForm form) {
    Official added = officials.add(code(code), details(form), caller.get());
    return Response.status(Response.Status.CREATED).entity(OfficialView.of(added)).build();
  }

  static Official.Details details(OfficialForm form) {
    if (form == null) {
      throw new ValidationProblem("name", "The request needs a JSON body.");
    }
    OfficialRole role = null;
    try {
      role =
          form.role() == null ? null : OfficialRole.valueOf(form.role().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      // reported with the other fields below
    }
    Official.Details details =
        new Official.Details(
            role, form.name(), form.email(), form.phone(), form.termFrom(), form.termTo());
    List<Problem.FieldError> errors =
        details.errors().entrySet().stream()
            .map(e -> new Problem.FieldError(e.getKey(), e.getValue()))
            .toList();
    if (!errors.isEmpty()) {
      throw new ValidationProblem(errors);
    }
    return details;
  }

  private static String code(String code) {
    if (!MunicipalityCode.isValid("CZ", code)
        && !eu.municipia.membership.entity.Ico.isValid(code)) {
      throw new NotFoundException("No membership of " + code + " here.");
    }
    return code;
  }
}
