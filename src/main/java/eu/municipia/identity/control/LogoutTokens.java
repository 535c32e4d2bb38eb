package eu.municipia.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the logout tokens of OpenID Connect Back-Channel Logout 1.0 (section 2.6): signed by a key
 * of the realm, issuer ours, audience our browser client, issued recently ({@code iat}), the
 * back-channel logout event in {@code events}, a {@code sid} or a {@code sub}, and no {@code nonce}
 * (which would make an ID token pass for one). Nimbus' validator checks all but the age.
 */
@ApplicationScoped
public class LogoutTokens {

  /** Keycloak calls at once; an older token is a replay, or a clock far off. */
  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** What a valid logout token ends: one Keycloak session, or every session of a subject. */
  public record Ended(String issuer, Optional<String> sid, Optional<String> subject, Instant at) {}

  @Inject OidcSettings settings;
  @Inject OidcProvider provider;
  @Inject Clock clock;

  public Ended verify(String token) throws InvalidTokenException {
    return verify(
        token,
        new Issuer(settings.issuer()),
        new ClientID(settings.clientId()),
        new JWSVerificationKeySelector<>(
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256), provider.keys()),
        Instant.now(clock));
  }

  static Ended verify(
      String token,
      Issuer issuer,
      ClientID client,
      JWSKeySelector<SecurityContext> keys,
      Instant now)
      throws InvalidTokenException {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException("No logout_token.", null);
    }
    try {
      LogoutTokenClaimsSet claims =
          new LogoutTokenValidator(issuer, client, false, keys, null)
              .validate(JWTParser.parse(token));
      Instant issued = claims.getIssueTime().toInstant();
      if (issued.isBefore(now.minus(MAX_AGE)) || issued.isAfter(now.plus(CLOCK_SKEW))) {
        throw new InvalidTokenException("The logout token was not issued just now.", null);
      }
      return new Ended(
          claims.getIssuer().getValue(),
          Optional.ofNullable(claims.getSessionID()).map(s -> s.getValue()),
          Optional.ofNullable(claims.getSubject()).map(s -> s.getValue()),
          issued);
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      throw new InvalidTokenException("Not a logout token of this realm: " + e.getMessage(), e);
    }
  }
}
