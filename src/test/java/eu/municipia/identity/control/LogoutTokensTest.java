package eu.municipia.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logout tokens as OpenID Connect Back-Channel Logout 1.0 (2.4, 2.6) defines them. */
class LogoutTokensTest {

  private static final String ISSUER = "http://localhost:8180/realms/municipia";
  private static final String CLIENT = "municipia-web";
  // Nimbus checks exp against the real clock, so the tokens are made now.
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

  private static RSAKey realmKey;
  private static RSAKey foreignKey;

  @BeforeAll
  static void keys() throws Exception {
    realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
    foreignKey = new RSAKeyGenerator(2048).keyID("realm").generate();
  }

  private static JWTClaimsSet.Builder valid() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(CLIENT)
        .issueTime(Date.from(NOW.minusSeconds(2)))
        .expirationTime(Date.from(NOW.plusSeconds(118)))
        .jwtID(UUID.randomUUID().toString())
        .subject("sub-anna")
        .claim("sid", "sid-1")
        .claim("events", Map.of(EVENT, Map.of()));
  }

  private static String signed(JWTClaimsSet claims, RSAKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType("logout+jwt"))
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static LogoutTokens.Ended verify(String token) throws InvalidTokenException {
    return LogoutTokens.verify(
        token,
        new Issuer(ISSUER),
        new ClientID(CLIENT),
        new JWSVerificationKeySelector<SecurityContext>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK()))),
        NOW);
  }

  @Test
  void aLogoutTokenOfTheRealmNamesTheSessionAndSubject() throws Exception {
    LogoutTokens.Ended ended = verify(signed(valid().build(), realmKey));

    assertThat(ended.issuer()).isEqualTo(ISSUER);
    assertThat(ended.sid()).contains("sid-1");
    assertThat(ended.subject()).contains("sub-anna");
    assertThat(ended.at()).isEqualTo(NOW.minusSeconds(2));
  }

  @Test
  void tokensThatAreNoLogoutTokensOfThisRealmForThisClientAreRefused() throws Exception {
    Map<String, UnaryOperator<JWTClaimsSet.Builder>> wrong =
        Map.of(
            "another issuer", b -> b.issuer("http://evil.example/realms/municipia"),
            "another audience", b -> b.audience("municipia-cli"),
            "no events", b -> b.claim("events", null),
            "another event", b -> b.claim("events", Map.of("urn:other", Map.of())),
            "a nonce (an ID token)", b -> b.claim("nonce", "n-1"),
            "neither sid nor sub", b -> b.subject(null).claim("sid", null),
            "issued long ago", b -> b.issueTime(Date.from(NOW.minusSeconds(3600))),
            "issued in the future", b -> b.issueTime(Date.from(NOW.plusSeconds(3600))),
            "no issue time", b -> b.issueTime(null),
            "expired", b -> b.expirationTime(Date.from(NOW.minusSeconds(600))));
    for (var e : wrong.entrySet()) {
      String token = signed(e.getValue().apply(valid()).build(), realmKey);
      assertThatThrownBy(() -> verify(token))
          .as(e.getKey())
          .isInstanceOf(InvalidTokenException.class);
    }
  }

  @Test
  void aTokenSignedByAnotherKeyOrNotAtAllIsRefused() throws Exception {
    String foreign = signed(valid().build(), foreignKey);

    assertThatThrownBy(() -> verify(foreign)).isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> verify("not.a.token")).isInstanceOf(InvalidTokenException.class);
    assertThatThrownBy(() -> verify(null)).isInstanceOf(InvalidTokenException.class);
    String unsigned = new com.nimbusds.jwt.PlainJWT(valid().build()).serialize();
    assertThatThrownBy(() -> verify(unsigned)).isInstanceOf(InvalidTokenException.class);
  }
}
