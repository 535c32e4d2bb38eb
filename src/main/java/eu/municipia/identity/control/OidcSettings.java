package eu.municipia.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Keycloak realm and clients this deployment trusts. */
@ApplicationScoped
public class OidcSettings {

  @Inject
  @ConfigProperty(name = "oidc.issuer", defaultValue = "http://localhost:8180/realms/municipia")
  String issuer;

  @Inject
  @ConfigProperty(name = "oidc.client-id", defaultValue = "municipia-web")
  String clientId;

  @Inject
  @ConfigProperty(name = "oidc.client-secret", defaultValue = "municipia-dev-secret")
  String clientSecret;

  /** The audience every bearer token must carry (Keycloak: an audience mapper on the clients). */
  @Inject
  @ConfigProperty(name = "oidc.audience", defaultValue = "municipia")
  String audience;

  /** Public base URL of the app (scheme, host, port, context root), for the login redirect. */
  @Inject
  @ConfigProperty(name = "app.base-url")
  Optional<String> baseUrl;

  public String issuer() {
    return issuer;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public String audience() {
    return audience;
  }

  public Optional<String> baseUrl() {
    return baseUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
  }
}
