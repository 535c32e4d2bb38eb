package eu.municipia.identity.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks Keycloak access tokens: signature by a key of the realm (RS256 or ES256, never "none"),
 * issuer, audience, token type "Bearer" (an ID token is refused), expiry with 30 s of clock skew.
 */
@ApplicationScoped
public class BearerTokens {

  private static final int CLOCK_SKEW_SECONDS = 30;

  @Inject OidcSettings settings;
  @Inject OidcProvider provider;

  private volatile DefaultJWTProcessor<SecurityContext> processor;

  public Caller verify(String token) throws InvalidTokenException {
    try {
      JWTClaimsSet claims = processor().process(token, null);
      return callerFrom(claims);
    } catch (com.nimbusds.jose.jwk.source.JWKSetUnavailableException e) {
      // A key id we do not hold (Keycloak rotated its keys) and Keycloak out of reach: we cannot
      // tell whether the token is good, so 503, not 401 (which would tell the client to log in
      // anew). A rate-limited re-fetch is no such case: it stays a 401.
      throw new IdentityProviderUnavailableException(settings.issuer(), e);
    } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException e) {
      throw new InvalidTokenException(e.getMessage(), e);
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new InvalidTokenException("Token could not be verified: " + e.getMessage(), e);
    }
  }

  static Caller callerFrom(JWTClaimsSet claims) throws ParseException {
    return new Caller(
        claims.getIssuer(),
        claims.getSubject(),
        claims.getStringClaim("preferred_username"),
        claims.getStringClaim("name"),
        claims.getStringClaim("email"),
        organizations(claims.getClaim("organization")),
        realmRoles(claims).contains(Role.PLATFORM_ADMIN));
  }

  private static Set<String> realmRoles(JWTClaimsSet claims) throws ParseException {
    Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
    Object roles = realmAccess == null ? null : realmAccess.get("roles");
    Set<String> names = new LinkedHashSet<>();
    if (roles instanceof Collection<?> list) {
      list.forEach(role -> names.add(String.valueOf(role)));
    }
    return names;
  }

  /** Keycloak sends the claim as a list of aliases, or as a map keyed by alias when ids are on. */
  static Set<String> organizations(Object claim) {
    Set<String> aliases = new LinkedHashSet<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(alias -> aliases.add(String.valueOf(alias)));
    } else if (claim instanceof Map<?, ?> map) {
      map.keySet().forEach(alias -> aliases.add(String.valueOf(alias)));
    } else if (claim instanceof String single) {
      aliases.add(single);
    }
    return aliases;
  }

  private DefaultJWTProcessor<SecurityContext> processor() {
    DefaultJWTProcessor<SecurityContext> p = processor;
    if (p == null) {
      p = new DefaultJWTProcessor<>();
      p.setJWSTypeVerifier(
          new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, JOSEObjectType.JOSE, null));
      p.setJWSKeySelector(
          new JWSVerificationKeySelector<>(
              Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), provider.keys()));
      DefaultJWTClaimsVerifier<SecurityContext> claims =
          new DefaultJWTClaimsVerifier<>(
              settings.audience(),
              new JWTClaimsSet.Builder().issuer(settings.issuer()).claim("typ", "Bearer").build(),
              Set.of("sub", "exp", "iat"));
      claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
      p.setJWTClaimsSetVerifier(claims);
      processor = p;
    }
    return p;
  }
}
