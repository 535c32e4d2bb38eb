package eu.municipia.identity;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.KeycloakAdmin.PublishedKey;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad bearer token is refused by the running app, against the real Keycloak. The bad
 * tokens are forged with a key that the realm publishes, so that each one is wrong in exactly one
 * way; the control case shows that such a forgery with every claim right is accepted, which is what
 * makes the refusals mean something.
 */
@MunicipiaIT
class BearerTokensIT {

  private static final String ME = "/api/v1/tenants/smopk/me";
  private static final String SMOPK_ADMIN_SUBJECT = "cad2f140-7a02-49fb-a6b3-2d85b21a3a6a";

  private static KeyPair publishedKeys;
  private static PublishedKey published;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;

  @BeforeAll
  static void publishASigningKeyInTheRealm() {
    TestStack.get();
    publishedKeys = newRsaKeyPair();
    published = KeycloakAdmin.publishRsaSigningKey("bearer-tokens-it", publishedKeys);
  }

  @AfterAll
  static void removeTheSigningKey() {
    if (published != null) {
      published.close();
    }
  }

  @BeforeEach
  void api() {
    api = new Api(Deployments.base(deployed));
  }

  @Test
  void aForgedTokenWithEveryClaimRightIsAcceptedSoTheRefusalsBelowMeanSomething() {
    Api.Response r = api.get(ME, signedByRealmKey(validClaims().build()));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().asJsonObject().getString("username")).isEqualTo(SMOPK_ADMIN);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    String token =
        signedByRealmKey(
            validClaims()
                .issuer(TestStack.get().settings().keycloakUrl() + "/realms/master")
                .build());

    assertUnauthenticated(api.get(ME, token));
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    String token = signedByRealmKey(validClaims().audience("municipia-web").build());

    assertUnauthenticated(api.get(ME, token));
  }

  @Test
  void aTokenWithoutAudienceIsRefused() {
    String token = signedByRealmKey(validClaims().audience((String) null).build());

    assertThat(new Base64URL(token.split("\\.")[1]).decodeToString()).doesNotContain("\"aud\"");
    assertUnauthenticated(api.get(ME, token));
  }

  @Test
  void anExpiredTokenIsRefused() {
    Instant now = Instant.now();
    String token =
        signedByRealmKey(
            validClaims()
                .issueTime(Date.from(now.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .build());

    assertUnauthenticated(api.get(ME, token));
  }

  @Test
  void aTokenAcceptedOnceIsRefusedOnceItExpiresThoughItWasRemembered() throws Exception {
    // Expired 25 s ago: still within the 30 s of clock skew the check allows, so accepted (and
    // remembered); 6 s later it is past the skew too, and the remembered answer must not hold.
    Instant now = Instant.now();
    String token =
        signedByRealmKey(
            validClaims()
                .issueTime(Date.from(now.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.minusSeconds(25)))
                .build());
    assertThat(api.get(ME, token).status()).isEqualTo(200);
    assertThat(api.get(ME, token).status()).as("remembered").isEqualTo(200);

    Thread.sleep(Duration.between(Instant.now(), now.plusSeconds(6)).toMillis());
    assertUnauthenticated(api.get(ME, token));
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String token = new PlainJWT(validClaims().build()).serialize();

    assertThat(token).endsWith(".");
    assertUnauthenticated(api.get(ME, token));
  }

  @Test
  void aTokenSignedWithAKeyTheRealmDoesNotPublishIsRefused() {
    // An unknown key id makes the app fetch the realm's keys again: the key is still not there.
    String token =
        signed(
            validClaims().build(),
            JWSAlgorithm.RS256,
            UUID.randomUUID().toString(),
            new RSASSASigner(newRsaKeyPair().getPrivate()));

    assertUnauthenticated(api.get(ME, token));
  }

  @Test
  void aTokenMacSignedWithTheRealmsPublicKeyIsRefused() {
    // Algorithm confusion: a verifier that took the alg from the header would check this HMAC
    // with the public key it finds under the kid, and accept it.
    byte[] publicKey = publishedKeys.getPublic().getEncoded();
    String token =
        signed(validClaims().build(), JWSAlgorithm.HS256, published.kid(), macSigner(publicKey));

    assertUnauthenticated(api.get(ME, token));
  }

  @Test
  void aGenuineTokenOfAnotherAssociationIsForbiddenHereAndHonouredThere() {
    String smocrAdmin = Tokens.accessToken(SMOCR_ADMIN);

    assertThat(api.get(ME, smocrAdmin).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/tenants/smocr/me", smocrAdmin).status()).isEqualTo(200);
  }

  @Test
  void aGenuineIdTokenIsRefusedAsABearerToken() {
    assertUnauthenticated(api.get(ME, Tokens.idToken(SMOPK_ADMIN)));
  }

  @Test
  void aGenuineTokenWhosePayloadWasAlteredIsRefused() {
    // Unaltered, this token is forbidden on smopk (403); claiming smopk must not let it in.
    String token =
        withPayload(
            Tokens.accessToken(SMOCR_ADMIN),
            payload -> payload.add("organization", Json.createArrayBuilder().add("smopk")));

    assertUnauthenticated(api.get(ME, token));
  }

  @Test
  void aMalformedTokenIsRefusedWithABearerChallengeAndAProblem() {
    assertUnauthenticated(api.get(ME, "not-a-jwt"));
  }

  /** 401 with a bearer challenge and a problem document, as RFC 6750 and our REST errors say. */
  private static void assertUnauthenticated(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  /** What Keycloak would put in an access token of the SMOPK admin for the municipia audience. */
  private static JWTClaimsSet.Builder validClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(TestStack.get().issuer())
        .audience("municipia")
        .subject(SMOPK_ADMIN_SUBJECT)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("typ", "Bearer")
        .claim("azp", "municipia-cli")
        .claim("preferred_username", SMOPK_ADMIN)
        .claim("name", "Anna Nováková")
        .claim("email", "anna.novakova@smopk.example")
        .claim("organization", List.of("smopk"));
  }

  private static String signedByRealmKey(JWTClaimsSet claims) {
    return signed(
        claims, JWSAlgorithm.RS256, published.kid(), new RSASSASigner(publishedKeys.getPrivate()));
  }

  private static String signed(
      JWTClaimsSet claims, JWSAlgorithm algorithm, String kid, JWSSigner signer) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** The token with its payload changed and its header and signature kept as they were. */
  private static String withPayload(String token, Consumer<JsonObjectBuilder> change) {
    String[] parts = token.split("\\.");
    JsonObjectBuilder payload =
        Json.createObjectBuilder(
            Json.createReader(new StringReader(new Base64URL(parts[1]).decodeToString()))
                .readObject());
    change.accept(payload);
    byte[] altered = payload.build().toString().getBytes(StandardCharsets.UTF_8);
    return parts[0] + "." + Base64URL.encode(altered) + "." + parts[2];
  }

  private static JWSSigner macSigner(byte[] secret) {
    try {
      return new MACSigner(secret);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair newRsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
