package eu.municipia.tenancy.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.control.Associations;
import eu.municipia.tenancy.entity.NewAssociation;
import eu.municipia.tenancy.entity.Tenant;
import eu.municipia.tenancy.entity.TenantSlug;
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
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The platform admins' associations: the list with each one's status, creating one (its Keycloak
 * Organization, its first admin's login, then the association; the same request again after a
 * failure finishes the work), suspending and reactivating one. Every change is audited in the
 * association's own log.
 */
@Path("platform/associations")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed(Role.PLATFORM_ADMIN)
public class AssociationsResource {

  @Inject Associations associations;
  @Inject CurrentCaller caller;

  public record AssociationView(
      String slug,
      String nameCs,
      String nameEn,
      String kind,
      String parent,
      String region,
      String status,
      String domain,
      String firstAdmin) {
    static AssociationView of(Tenant t, Optional<String> domain) {
      return of(t, domain, null);
    }

    /**
     * With how its first admin was given it, in the answer to its creation: NEW_LOGIN,
     * EXISTING_LOGIN or INVITATION_SENT (null, left out, elsewhere).
     */
    static AssociationView of(
        Tenant t, Optional<String> domain, Associations.FirstAdmin firstAdmin) {
      return new AssociationView(
          t.id(),
          t.nameCs(),
          t.nameEn(),
          t.kind().name(),
          t.parent().map(TenantSlug::value).orElse(null),
          t.region().orElse(null),
          t.status().name(),
          domain.orElse(null),
          firstAdmin == null ? null : firstAdmin.name());
    }
  }

  /** The custom domain (a host name such as obce.smopk.cz); null or empty removes it. */
  public record DomainBody(String domain) {}

  /** ACTIVE or SUSPENDED, with the reason (optional). */
  public record StatusBody(String status, String reason) {}

  @GET
  @Operation(summary = "Every association with its status")
  public List<AssociationView> list() {
    return associations.all().stream().map(this::view).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Creates an association with its Keycloak Organization and first admin",
      description =
          "kind is UNION or ASSOCIATION; parent a union's slug; country the register it covers"
              + " (ISO 3166 alpha-2, default CZ); region one of that register's (none: the whole"
              + " country). The first admin gets a new login in the Organization"
              + " (Keycloak mails them), firstAdmin NEW_LOGIN; an address that has a verified login"
              + " elsewhere is sent an invitation to be the admin, which only that login's owner can"
              + " accept (firstAdmin INVITATION_SENT; until then the association has no admin); an"
              + " address whose login is not verified is refused (409)."
              + " Optional: accentColor (#rrggbb with a contrast of at least 4.5:1 to white text),"
              + " logo (a PNG or JPEG in base64, at most app.logo.max-kb KiB), domain (a host"
              + " name no other association has, 409 otherwise).")
  public Response create(NewAssociation body) {
    NewAssociation given =
        body == null
            ? new NewAssociation(null, null, null, null, null, null, null, null, null, null, null)
            : body;
    Associations.Created created = associations.create(given, Optional.empty(), caller.get());
    return Response.created(URI.create("platform/associations/" + created.association().id()))
        .entity(
            AssociationView.of(
                created.association(),
                associations.domainOf(created.association()),
                created.firstAdmin()))
        .build();
  }

  @PUT
  @Path("{slug}/domain")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sets or removes an association's custom domain",
      description =
          "Its pages are then served at https://<domain>/ and its links point there; DNS and TLS"
              + " for the name are set up at the ingress. A domain another association has: 409.")
  public AssociationView domain(@PathParam("slug") String slug, DomainBody body) {
    return view(associations.setDomain(slug, body == null ? null : body.domain(), caller.get()));
  }

  private AssociationView view(Tenant t) {
    return AssociationView.of(t, associations.domainOf(t));
  }

  @PUT
  @Path("{slug}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Suspends (SUSPENDED) or reactivates (ACTIVE) an association")
  public AssociationView status(@PathParam("slug") String slug, StatusBody body) {
    Tenant.Status status;
    try {
      status = Tenant.Status.valueOf(body == null || body.status() == null ? "" : body.status());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("status", "association.error.status");
    }
    return view(associations.setStatus(slug, status, body.reason(), caller.get()));
  }
}
