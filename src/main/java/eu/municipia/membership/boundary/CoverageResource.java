package eu.municipia.membership.boundary;

import eu.municipia.membership.control.KeptMemberReads;
import eu.municipia.membership.control.MemberDirectory;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * How much of its region an association covers: active members, the population they hold and its
 * share of the region's (SMOPK's own figure: 190 members, 83 % of the Plzeň region), by district,
 * with the largest and smallest member. Public: associations publish these figures.
 */
@Path("tenants/{tenant}/coverage")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@PermitAll
public class CoverageResource {

  @Inject KeptMemberReads directory;

  @GET
  public MemberDirectory.Coverage coverage() {
    return directory.coverage();
  }
}
