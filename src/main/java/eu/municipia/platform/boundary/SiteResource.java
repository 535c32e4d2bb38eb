package eu.municipia.platform.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Role;
import eu.municipia.platform.control.SiteLogos;
import eu.municipia.platform.control.SiteProfiles;
import eu.municipia.platform.entity.Logo;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.platform.entity.SiteLogo;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The association's look for browsers and mail clients: its logo and a style sheet with its accent
 * colour (the pages carry no inline style, which the Content-Security-Policy forbids), both public;
 * its admins replace or remove the logo.
 */
@Path("tenants/{tenant}/site")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SiteResource {

  /** Pages and mail link both with ?v=<tag>, so a new logo or colour is a new address. */
  private static final int MAX_AGE = 86_400;

  @Inject SiteLogos logos;
  @Inject SiteProfiles profiles;
  @Inject CurrentCaller caller;

  public record LogoView(String mediaType, String etag) {
    static LogoView of(SiteLogo logo) {
      return new LogoView(logo.mediaType(), logo.etag());
    }
  }

  @GET
  @Path("logo")
  @PermitAll
  @Produces({"image/png", "image/jpeg"})
  @Operation(summary = "The association's logo (PNG or JPEG), with ETag; 404 without one")
  public Response logo(@Context Request http, @Context HttpServletResponse servletResponse) {
    SiteLogo logo = logos.current().orElseThrow(() -> Refusal.notFound("No logo here."));
    // Bytes have no character set: the app's default (UTF-8, for pages) is not added to them.
    servletResponse.setCharacterEncoding(null);
    EntityTag etag = EntityTag.valueOf(logo.etag());
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE);
    Response.ResponseBuilder notModified = http.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.cacheControl(cache).build();
    }
    return Response.ok(logo.content(), logo.mediaType())
        .tag(etag)
        .cacheControl(cache)
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .build();
  }

  @PUT
  @Path("logo")
  @RolesAllowed(Role.ADMIN)
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Replaces the association's logo with the request body",
      description =
          "A PNG or JPEG, its type decided from the bytes (an SVG or anything else is refused"
              + " with 400), at most app.logo.max-kb KiB (413 beyond).")
  public LogoView replaceLogo(@HeaderParam("Content-Length") Long length, InputStream content) {
    Logo logo =
        logos
            .read(content, length == null ? -1 : length)
            .orElseThrow(() -> Refusal.invalid(Logo.FIELD, "site.error.logo"));
    return LogoView.of(logos.replace(logo, caller.get()));
  }

  @DELETE
  @Path("logo")
  @RolesAllowed(Role.ADMIN)
  @Operation(summary = "Removes the association's logo; 404 when it has none")
  public Response removeLogo() {
    if (!logos.remove(caller.get())) {
      throw Refusal.notFound("No logo here.");
    }
    return Response.noContent().build();
  }

  @GET
  @Path("style.css")
  @PermitAll
  @Produces("text/css")
  @Operation(summary = "The association's colours as CSS custom properties, for its pages")
  public Response style(@Context Request http) {
    String color = profiles.current().accentColor();
    EntityTag etag = new EntityTag(color.substring(1));
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE);
    Response.ResponseBuilder notModified = http.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.cacheControl(cache).build();
    }
    return Response.ok(":root { --accent: " + color + "; }\n", "text/css; charset=UTF-8")
        .tag(etag)
        .cacheControl(cache)
        .build();
  }
}
