package eu.municipia.identity;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.SessionLogin;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's Keycloak part (issue 14): Keycloak stopped while a person is between its login
 * form and the app's callback, and while a program calls with a token whose key id the app has not
 * seen. Both are told 503 (a page, a problem) rather than 400/401 (which would blame them) or 500;
 * tokens signed by a known key keep working from the cached keys; once Keycloak is back, logins
 * work again. Its own deployment: the key cache's timeline must be this test's alone.
 */
@MunicipiaIT
class KeycloakFaultsIT {

  private static final Logger LOG = Logger.getLogger(KeycloakFaultsIT.class.getName());
  private static final String ME = "/api/v1/tenants/smopk/me";
  private static final String ROLES_PAGE = "/smopk/admin/roles";

  /**
   * The app re-fetches the keys for an unknown key id at most twice in this long, counted from the
   * first fetch (oidc.key-refetch-seconds; 30 s by default, shorter here so the test need not wait
   * out the default).
   */
  private static final Duration KEY_REFETCH_INTERVAL = Duration.ofSeconds(5);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.warWithSettings(
        Map.of("oidc.key-refetch-seconds", Long.toString(KEY_REFETCH_INTERVAL.toSeconds())));
  }

  @ArquillianResource URL deployed;

  @Test
  void keycloakStoppedDuringABrowserLoginAndABearerCallWithAnUnknownKeyIsA503() throws Exception {
    URI base = Deployments.base(deployed);
    Api api = new Api(base);
    String token = Tokens.accessToken(SMOPK_ADMIN);
    assertThat(api.get(ME, token).status()).as("keys fetched").isEqualTo(200);
    long keysFetched = System.nanoTime();
    SessionLogin.Pending login = SessionLogin.upToTheCallback(base, ROLES_PAGE, SMOPK_ADMIN);

    TestStack.get().keycloak().close();
    try {
      HttpResponse<String> callback =
          login
              .client()
              .send(
                  HttpRequest.newBuilder(login.callback()).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(callback.statusCode()).as(callback.body()).isEqualTo(503);
      assertThat(callback.headers().firstValue("Retry-After")).isPresent();
      assertThat(callback.body())
          .contains("Dočasně nedostupné")
          .doesNotContain("Exception")
          .doesNotContain("at eu.municipia");

      // A token signed by a key the app holds: checked without Keycloak.
      assertThat(api.get(ME, token).status()).isEqualTo(200);

      // A key id the app has not seen: it must ask Keycloak, which is gone. Asked too soon after
      // the last fetch, Nimbus does not try (and the answer is a plain 401), so wait that out.
      long sinceFetch = System.nanoTime() - keysFetched;
      TimeUnit.NANOSECONDS.sleep(
          Math.max(0, KEY_REFETCH_INTERVAL.toNanos() - sinceFetch) + 1_000_000_000L);
      Api.Response unknownKey = api.get(ME, signedByAStrangeKey());
      assertThat(unknownKey.status()).as(unknownKey.body()).isEqualTo(503);
      assertThat(unknownKey.contentType()).startsWith("application/problem+json");
      assertThat(unknownKey.header("Retry-After")).isNotBlank();
    } finally {
      long starting = System.nanoTime();
      TestStack.get().keycloak().start();
      LOG.info(
          () ->
              "Keycloak ready again after "
                  + Duration.ofNanos(System.nanoTime() - starting).toSeconds()
                  + " s");
    }
    // Keycloak answers again (start() waits for its discovery document): logins work at once.
    long back = System.nanoTime();
    logInAgain(base);
    Duration recovered = Duration.ofNanos(System.nanoTime() - back);
    LOG.info(() -> "Keycloak back: a full login works after " + recovered.toMillis() + " ms");
    // A whole login (five requests to a Keycloak that has just started), not a wait for the app.
    assertThat(recovered).isLessThan(Duration.ofSeconds(30));
    // Keycloak up, the key still unknown: now the token is simply not valid.
    assertThat(api.get(ME, signedByAStrangeKey()).status()).isEqualTo(401);
  }

  /** A full browser login through Keycloak after its restart, ending on the admin's page. */
  private static void logInAgain(URI base) throws Exception {
    HttpResponse<String> page =
        SessionLogin.logIn(base, ROLES_PAGE, SMOPK_ADMIN)
            .send(
                HttpRequest.newBuilder(base.resolve(ROLES_PAGE)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
  }

  /** A well-formed access token for the SMOPK admin, signed by a key Keycloak never had. */
  private static String signedByAStrangeKey() throws JOSEException {
    RSAKey key = new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder()
                .issuer(TestStack.get().issuer())
                .audience("municipia")
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("typ", "Bearer")
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
