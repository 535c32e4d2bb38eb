package eu.municipia.identity.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.MalformedURLException;

/**
 * Keycloak's discovery document and signing keys, fetched on first use (so the app starts while
 * Keycloak is still booting) and kept. Keys are re-fetched when a token names an unknown key id, at
 * most twice in {@code oidc.key-refetch-seconds}.
 */
@ApplicationScoped
public class OidcProvider {

  @Inject OidcSettings settings;

  private volatile OIDCProviderMetadata metadata;
  private volatile JWKSource<SecurityContext> keys;

  public OIDCProviderMetadata metadata() {
    OIDCProviderMetadata m = metadata;
    if (m == null) {
      synchronized (this) {
        if (metadata == null) {
          try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), 5000, 5000);
          } catch (GeneralException | IOException e) {
            throw new IdentityProviderUnavailableException(settings.issuer(), e);
          }
        }
        m = metadata;
      }
    }
    return m;
  }

  public JWKSource<SecurityContext> keys() {
    JWKSource<SecurityContext> k = keys;
    if (k == null) {
      synchronized (this) {
        if (keys == null) {
          try {
            keys =
                JWKSourceBuilder.create(metadata().getJWKSetURI().toURL())
                    .retrying(true)
                    .rateLimited(settings.keyRefetch().toMillis())
                    .build();
          } catch (MalformedURLException e) {
            throw new IdentityProviderUnavailableException(settings.issuer(), e);
          }
        }
        k = keys;
      }
    }
    return k;
  }
}
