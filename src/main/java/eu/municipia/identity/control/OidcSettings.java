package eu.municipia.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  /**
   * The least time between two fetches of Keycloak's keys that a token with an unknown key id may
   * cause (Nimbus's default): a stream of forged key ids must not become a stream of requests to
   * Keycloak, and a rotated key is still fetched within this time.
   */
  @Inject
  @ConfigProperty(name = "oidc.key-refetch-seconds", defaultValue = "30")
  long keyRefetchSeconds;

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

  public java.time.Duration keyRefetch() {
    return java.time.Duration.ofSeconds(Math.max(1, keyRefetchSeconds));
  }
}
