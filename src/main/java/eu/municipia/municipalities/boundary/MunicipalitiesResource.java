package eu.municipia.municipalities.boundary;

import eu.municipia.municipalities.control.Register;
import eu.municipia.platform.entity.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The public municipality register: search by name without accents ("cila" finds Čilá), filter by
 * region and district, a page at a time, with each municipality's latest population.
 */
@Path("municipalities")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@PermitAll
public class MunicipalitiesResource {

  @Inject Register register;

  @GET
  public Page<Register.Entry> search(
      @QueryParam("q") String query,
      @QueryParam("region") String region,
      @QueryParam("district") String district,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Page.check(offset, limit);
    return register.search("CZ", query, region, district, offset, limit);
  }
}
