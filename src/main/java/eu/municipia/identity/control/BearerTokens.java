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
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks Keycloak access tokens: signature by a key of the realm (RS256 or ES256, never "none"),
 * issuer, audience, token type "Bearer" (an ID token is refused), expiry with 30 s of clock skew.
 *
 * <p>A client sends the same token with every request for its lifetime (five minutes in the realm).
 * Checking the same bytes again gives the same answer until the token expires, so a token that
 * passed every check is remembered, by its exact text, with its expiry; each later use checks only
 * that expiry. The check itself cost more than the member list it guarded (JFR of
 * ThroughputBenchmark: 294 of 3,086 request samples in Nimbus, the JWK converted to a Java key and
 * the payload decoded on every request). At most {@value #REMEMBERED} tokens are kept; a token that
 * failed a check is never kept, so a forged or altered one is checked in full every time.
 */
@ApplicationScoped
public class BearerTokens {

  private static final int CLOCK_SKEW_SECONDS = 30;

  @Inject OidcSettings settings;
  @Inject OidcProvider provider;

  static final int REMEMBERED = 10_000;

  private volatile DefaultJWTProcessor<SecurityContext> processor;

  /** A token that passed every check: its caller, and until when it may be used. */
  private record Checked(Caller caller, Instant usableUntil) {}

  private final Map<String, Checked> checked = new ConcurrentHashMap<>();

  public Caller verify(String token) throws InvalidTokenException {
    Instant now = Instant.now();
    Checked known = checked.get(token);
    if (known != null) {
      if (now.isBefore(known.usableUntil())) {
        return known.caller();
      }
      checked.remove(token);
    }
    try {
      JWTClaimsSet claims = processor().process(token, null);
      Caller caller = callerFrom(claims);
      remember(token, caller, claims.getExpirationTime().toInstant(), now);
      return caller;
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

  /** Keeps a checked token until its expiry and the clock skew the check allows. */
  private void remember(String token, Caller caller, Instant expiry, Instant now) {
    if (checked.size() >= REMEMBERED) {
      checked.values().removeIf(c -> !now.isBefore(c.usableUntil()));
      if (checked.size() >= REMEMBERED) {
        checked.clear(); // many live tokens at once: check them again rather than grow
      }
    }
    checked.put(token, new Checked(caller, expiry.plusSeconds(CLOCK_SKEW_SECONDS)));
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
