package eu.municipia.platform;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestData;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Absolute links that leave the app (e-mail, the login redirect) come from configuration: the
 * platform's address (app.base-url) and an association's custom domain, never from the request's
 * Host header, which the client writes.
 */
@MunicipiaIT
class LinksIT {

  private static final String BASE_URL = Deployments.PLATFORM_ADDRESS;
  private static final String SMOCR_DOMAIN = "svaz.smocr.example";
  private static final String LOSINA = "558001"; // an SMOPK member
  // Not an SMOPK member (fewer than 300 inhabitants): becomes an SMO ČR member here.
  private static final String HVOZD = "558931";

  /** The configured address (an app that BrandingIT shares). */
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.warAtPlatformAddress();
  }

  @ArquillianResource URL deployed;
  Api api;
  MailServer mail;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed));
    mail = TestStack.get().mail().start();
  }

  @Test
  void anInvitationSentWithAForgedHostLinksToTheConfiguredAddress() {
    String admin = Tokens.accessToken(SMOPK_ADMIN);
    String email = "starosta." + System.nanoTime() + "@losina.example";
    JsonObject mayor = official("smopk", LOSINA, email, admin);

    assertThat(forgedInvitation("smopk", mayor, admin)).startsWith("HTTP/1.1 200");
    assertThat(invitationMail(email).body())
        .contains(BASE_URL + "/smopk/members")
        .doesNotContain("evil.example");
  }

  @Test
  void anAssociationWithItsOwnDomainIsLinkedOnIt() {
    // SMO ČR's own domain, as the platform admin sets it (the app knows it at once), for this test.
    String platform = Tokens.accessToken(PLATFORM_ADMIN);
    assertThat(smocrDomain(SMOCR_DOMAIN, platform).status()).isEqualTo(200);
    try {
      String admin = Tokens.accessToken(SMOCR_ADMIN);
      TestData.member(api, "smocr", HVOZD, admin);
      String email = "starosta." + System.nanoTime() + "@hvozd.example";
      JsonObject mayor = official("smocr", HVOZD, email, admin);

      assertThat(forgedInvitation("smocr", mayor, admin)).startsWith("HTTP/1.1 200");
      assertThat(invitationMail(email).body())
          .contains("https://" + SMOCR_DOMAIN + "/members")
          .doesNotContain("evil.example")
          .doesNotContain("/smocr/members");
    } finally {
      smocrDomain(null, platform);
    }
  }

  @Test
  void theLoginRedirectUriIsTheConfiguredAddress() {
    Api.Response login = api.withHeader("Host", "evil.example").get("/smopk/members", null);

    assertThat(login.status()).isEqualTo(302);
    assertThat(URLDecoder.decode(login.header("Location"), StandardCharsets.UTF_8))
        .startsWith(TestStack.get().issuer())
        .contains("redirect_uri=" + BASE_URL + "/auth/callback")
        .doesNotContain("evil.example");
  }

  /** The invitation, asked for by a request that names another host in its target and Host. */
  private String forgedInvitation(String tenant, JsonObject official, String token) {
    return api.raw(
        "POST http://evil.example/api/v1/tenants/"
            + tenant
            + "/officials/"
            + official.getString("id")
            + "/invitation HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
            + token
            + "\r\nContent-Length: 0");
  }

  private MailServer.Mail invitationMail(String email) {
    return mail.await(
        m -> m.to().equals(email) && m.subject().contains("pozvánka"), Duration.ofSeconds(30));
  }

  private JsonObject official(String tenant, String code, String email, String admin) {
    return TestData.official(api, tenant, code, "Marie Odkazová", email, admin);
  }

  private Api.Response smocrDomain(String domain, String platformAdmin) {
    return api.put(
        "/api/v1/platform/associations/smocr/domain",
        platformAdmin,
        "application/json",
        domain == null ? "{\"domain\":null}" : "{\"domain\":\"" + domain + "\"}");
  }
}
