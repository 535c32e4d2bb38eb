package eu.municipia.identity;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL_PERSON_ID;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.KeycloakAdmin.TestUser;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestData;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Inviting an official whose e-mail address already has a login: the account is attached to the
 * inviting association (its Organization and the member-official role) only when its owner opens
 * the link we mail to that address and logs in as that very account. An admin of one association
 * can change no other association's Organization, by any path.
 */
@MunicipiaIT
class InvitationsIT {

  private static final String PASSWORD = "Pozvanka-2026-test";
  // Not an SMOPK member (fewer than 300 inhabitants): becomes an SMO ČR member here.
  private static final String KRSY = "559091";
  private static final String STAHLAVY = "558427"; // an SMOPK member
  private static final String LINHA = "559164"; // Líně, an SMOPK member
  private static final Duration MAIL_PATIENCE = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  MailServer mail;
  Browser browser;
  TestUser person;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed));
    mail = TestStack.get().mail().start();
  }

  @AfterEach
  void cleanUp() {
    if (browser != null) {
      browser.close();
    }
    if (person != null) {
      person.close();
    }
  }

  @Test
  void anotherAssociationsAdminCannotAttachAnAccountWithoutItsOwnersConsent() {
    person = smopkPerson();
    Set<String> smopkBefore = KeycloakAdmin.organizationMembers("smopk");
    String smocrAdmin = Tokens.accessToken(SMOCR_ADMIN);
    TestData.member(api, "smocr", KRSY, smocrAdmin);
    JsonObject official = official("smocr", KRSY, person.email(), smocrAdmin);

    Api.Response invited = invite("smocr", official, smocrAdmin);

    assertThat(invited.status()).as(invited.body()).isEqualTo(200);
    assertThat(invited.json().asJsonObject().getString("outcome")).isEqualTo("ACCEPT_LINK_SENT");
    assertThat(KeycloakAdmin.organizationMembers("smocr")).doesNotContain(person.username());
    assertThat(KeycloakAdmin.organizationMembers("smopk")).isEqualTo(smopkBefore);
    assertThat(api.get("/api/v1/tenants/smocr/people", smocrAdmin).body())
        .doesNotContain(person.email());
    String link = acceptLink(person.email(), "smocr");

    // SMO ČR's admin has no way into SMOPK's officials, roles or people.
    assertThat(
            api.post(
                    "/api/v1/tenants/smopk/officials/" + UUID.randomUUID() + "/invitation",
                    smocrAdmin,
                    null,
                    null)
                .status())
        .isEqualTo(403);
    String role = "/api/v1/tenants/smopk/people/" + SMOPK_OFFICIAL_PERSON_ID + "/roles/admin";
    assertThat(api.put(role, smocrAdmin).status()).isEqualTo(403);
    assertThat(api.delete(role, smocrAdmin).status()).isEqualTo(403);

    browser = Browser.start(Deployments.base(deployed));
    // The link belongs to SMO ČR: at SMOPK's address it is nothing.
    browser.driver().get(link.replace("/smocr/", "/smopk/"));
    assertThat(browser.status()).isEqualTo(404);
    assertThat(state()).isEqualTo("unknown");

    browser.driver().get(link);
    assertThat(browser.status()).isEqualTo(200);
    assertThat(state()).isEqualTo("valid");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the invitation").isEmpty();

    // The inviting admin logs in to accept it for the person: refused, nothing attached.
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("invitation-login")));
    browser.logInAtKeycloak(SMOCR_ADMIN).waitForPath("/smocr/invitation");
    assertThat(state()).isEqualTo("wrong-account");
    assertThat(browser.status()).isEqualTo(403);
    assertThat(browser.isPresent(By.id("invitation:accept"))).isFalse();
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the wrong account").isEmpty();
    assertThat(KeycloakAdmin.organizationMembers("smocr")).doesNotContain(person.username());

    // The owner of the account accepts it.
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("switch:logout")));
    browser.waitForPath("/smocr/invitation");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("invitation-login")));
    browser.logInAtKeycloak(person.username(), PASSWORD).waitForPath("/smocr/invitation");
    assertThat(state()).isEqualTo("valid");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("invitation:accept")));
    browser.waitForPath("/smocr/members");
    assertThat(browser.status())
        .as(() -> browser.driver().findElement(By.tagName("body")).getText())
        .isEqualTo(200);
    assertThat(browser.isPresent(By.cssSelector("#roles li[data-role='member-official']")))
        .isTrue();
    assertThat(KeycloakAdmin.organizationMembers("smocr")).contains(person.username());
    assertThat(KeycloakAdmin.organizationMembers("smopk")).isEqualTo(smopkBefore);

    // Single use.
    browser.driver().get(link);
    assertThat(state()).isEqualTo("used");
    assertThat(browser.status()).isEqualTo(410);
  }

  @Test
  void anExpiredLinkSaysSoInCzechAndEnglish() throws Exception {
    person = smopkPerson();
    String smopkAdmin = Tokens.accessToken(SMOPK_ADMIN);
    // A person of SMOPK invited by SMOPK: already in its Organization, nothing to consent to.
    JsonObject member = official("smopk", STAHLAVY, person.email(), smopkAdmin);
    assertThat(invite("smopk", member, smopkAdmin).json().asJsonObject().getString("outcome"))
        .isEqualTo("ROLE_GRANTED");

    // Someone outside SMOPK is asked to consent.
    try (TestUser outsider = outsider(true)) {
      JsonObject official = official("smopk", STAHLAVY, outsider.email(), smopkAdmin);
      assertThat(invite("smopk", official, smopkAdmin).status()).isEqualTo(200);
      String link = acceptLink(outsider.email(), "smopk");
      try (Connection c = TestStack.get().database().superuser("municipia");
          PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE invitation SET created_at = now() - interval '8 days',"
                      + " expires_at = now() - interval '1 day' WHERE email = ?")) {
        ps.setString(1, outsider.email());
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }

      browser = Browser.start(Deployments.base(deployed));
      browser.driver().get(link);
      assertThat(state()).isEqualTo("expired");
      assertThat(browser.status()).isEqualTo(410);
      assertThat(browser.waitFor(By.id("invitation-state")).getText()).contains("vypršela");
      browser.driver().get(link + "&lang=en");
      assertThat(browser.waitFor(By.id("invitation-state")).getText()).contains("expired");
      assertThat(browser.seriousAccessibilityViolations()).as("axe on expired").isEmpty();
      assertThat(KeycloakAdmin.organizationMembers("smopk")).doesNotContain(outsider.username());
    }
  }

  @Test
  void anAccountWhoseAddressIsNotVerifiedIsNotAttached() {
    try (TestUser unverified = outsider(false)) {
      String smopkAdmin = Tokens.accessToken(SMOPK_ADMIN);
      JsonObject official = official("smopk", LINHA, unverified.email(), smopkAdmin);

      Api.Response refused = invite("smopk", official, smopkAdmin);

      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.body()).contains("verified");
      assertThat(KeycloakAdmin.organizationMembers("smopk")).doesNotContain(unverified.username());
      assertThat(mail.receivedBy(unverified.email())).isEmpty();
    }
  }

  private TestUser smopkPerson() {
    return KeycloakAdmin.createMember("smopk", "pozvany." + System.nanoTime(), PASSWORD);
  }

  private TestUser outsider(boolean verified) {
    String name = "cizi." + System.nanoTime();
    return KeycloakAdmin.createUser(name, name + "@jinde.example", PASSWORD, verified);
  }

  private String state() {
    return browser.waitFor(By.id("invitation-state")).getAttribute("data-state");
  }

  private String acceptLink(String email, String tenant) {
    Pattern link =
        Pattern.compile(
            Pattern.quote("http://localhost:" + deployed.getPort() + "/" + tenant + "/invitation")
                + "\\?token=[A-Za-z0-9_-]+");
    MailServer.Mail sent =
        mail.await(m -> m.to().equals(email) && link.matcher(m.body()).find(), MAIL_PATIENCE);
    Matcher m = link.matcher(sent.body());
    assertThat(m.find()).isTrue();
    return m.group();
  }

  private Api.Response invite(String tenant, JsonObject official, String token) {
    return api.post(
        "/api/v1/tenants/" + tenant + "/officials/" + official.getString("id") + "/invitation",
        token,
        null,
        null);
  }

  private JsonObject official(String tenant, String code, String email, String admin) {
    return TestData.official(api, tenant, code, "Test Pozvánka", email, admin);
  }
}
