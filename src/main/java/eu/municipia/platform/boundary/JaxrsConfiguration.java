package eu.municipia.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JSON API for programs, under /api/v1, described at /openapi. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Municipia API",
            version = "1",
            description =
                "Associations of municipalities: members, magazine, seminars, resolutions. Every"
                    + " path under /tenants/{tenant} works within one association; a bearer token"
                    + " from Keycloak is honoured only for associations in its organization claim."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class JaxrsConfiguration extends Application {}
