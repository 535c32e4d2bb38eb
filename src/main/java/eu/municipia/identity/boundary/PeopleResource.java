package eu.municipia.identity.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.control.RoleGrants;
import eu.municipia.identity.entity.Person;
import eu.municipia.identity.entity.Role;
import eu.municipia.identity.entity.RoleGrant;
import eu.municipia.platform.boundary.ValidationProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The people who have logged in to this association and their roles; association admins grant and
 * revoke roles here ({@code PUT}/{@code DELETE .../people/{id}/roles/{role}}).
 */
@Path("tenants/{tenant}/people")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(Role.ADMIN)
public class PeopleResource {

  @Inject RoleGrants grants;
  @Inject CurrentCaller caller;

  public record PersonView(
      UUID id, String username, String name, String email, Instant lastSeen, List<String> roles) {}

  @GET
  public List<PersonView> people() {
    Map<String, List<String>> rolesBySubject =
        grants.grants().stream()
            .collect(
                Collectors.groupingBy(
                    g -> g.issuer() + " " + g.subject(),
                    Collectors.mapping(g -> g.role().roleName(), Collectors.toList())));
    return grants.people().stream()
        .map(p -> view(p, rolesBySubject.getOrDefault(p.issuer() + " " + p.subject(), List.of())))
        .toList();
  }

  @PUT
  @Path("{person}/roles/{role}")
  public PersonView grant(@PathParam("person") String person, @PathParam("role") String role) {
    grants.grant(personId(person), role(role), caller.get());
    return view(personId(person));
  }

  @DELETE
  @Path("{person}/roles/{role}")
  public PersonView revoke(@PathParam("person") String person, @PathParam("role") String role) {
    grants.revoke(personId(person), role(role), caller.get());
    return view(personId(person));
  }

  private PersonView view(UUID id) {
    Person p = grants.person(id);
    List<String> roles =
        grants.grants().stream()
            .filter(g -> g.issuer().equals(p.issuer()) && g.subject().equals(p.subject()))
            .map(RoleGrant::role)
            .map(Role::roleName)
            .toList();
    return view(p, roles);
  }

  private static PersonView view(Person p, List<String> roles) {
    return new PersonView(p.id(), p.username(), p.displayName(), p.email(), p.lastSeen(), roles);
  }

  private static UUID personId(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No such person in this association.");
    }
  }

  private static Role role(String name) {
    return Role.byName(name)
        .orElseThrow(
            () ->
                new ValidationProblem(
                    "role",
                    "Unknown role '"
                        + name
                        + "'; one of admin, editor, member-official, union-analyst."));
  }
}
