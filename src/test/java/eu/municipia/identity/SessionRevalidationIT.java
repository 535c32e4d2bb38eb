package eu.municipia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.KeycloakAdmin.TestUser;
import eu.municipia.testing.MunicipiaIT;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A browser session keeps what Keycloak said at login only for a while: the app asks Keycloak again
 * (refresh token) every few seconds here (minutes in production), so a person removed from an
 * association's Organization loses access to it; and no session outlives its absolute lifetime.
 */
@MunicipiaIT
class SessionRevalidationIT {

  private static final int REVALIDATE_SECONDS = 2;

  /**
   * Long enough for a login and two pages on a busy machine (a few seconds), short enough that the
   * test waits little past it.
   */
  private static final int LIFETIME_SECONDS = 20;

  private static final String PASSWORD = "Sezeni-2026-test";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.warWithConfig(
        Map.of(
            "auth.revalidate-seconds", String.valueOf(REVALIDATE_SECONDS),
            "auth.session-max-seconds", String.valueOf(LIFETIME_SECONDS)));
  }

  @ArquillianResource URL deployed;
  Browser browser;
  TestUser user;

  @BeforeEach
  void aPersonOfSmopk() {
    user = KeycloakAdmin.createMember("smopk", "sezeni." + System.nanoTime(), PASSWORD);
    browser = Browser.start(Deployments.base(deployed));
  }

  @AfterEach
  void cleanUp() {
    browser.close();
    user.close();
  }

  @Test
  void removingAPersonFromTheOrganizationEndsTheirAccessWithinTheInterval() throws Exception {
    browser
        .open("/smopk/members")
        .logInAtKeycloak(user.username(), PASSWORD)
        .waitForPath("/smopk/members");
    assertThat(browser.status()).isEqualTo(200);

    KeycloakAdmin.removeFromOrganization("smopk", user.id());
    Thread.sleep(Duration.ofSeconds(REVALIDATE_SECONDS + 1).toMillis());

    browser.open("/smopk/members");
    assertThat(browser.status()).as("no longer a member of SMOPK").isEqualTo(403);
  }

  @Test
  void aSessionOlderThanItsAbsoluteLifetimeIsRefused() throws Exception {
    browser
        .open("/smopk/members")
        .logInAtKeycloak(user.username(), PASSWORD)
        .waitForPath("/smopk/members");
    Instant loggedIn = Instant.now(); // a little after Keycloak authenticated the person

    browser.open("/smopk/members");
    assertThat(browser.isAt("/smopk/members")).as("still within the lifetime").isTrue();

    Duration left = Duration.between(Instant.now(), loggedIn.plusSeconds(LIFETIME_SECONDS + 1));
    Thread.sleep(Math.max(0, left.toMillis()));
    browser.open("/smopk/members");

    // Keycloak's own session is still alive, but the app asked it (max_age) to authenticate the
    // person again: its login form, not the member area.
    browser.waitFor(By.cssSelector("#username, #password"));
    assertThat(browser.isAt("/smopk/members")).isFalse();
  }
}
