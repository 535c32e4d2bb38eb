package eu.municipia.identity;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.KeycloakAdmin.TestUser;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Keycloak's back-channel logout (OpenID Connect Back-Channel Logout 1.0): when a session ends at
 * Keycloak (the person logs out elsewhere, an admin logs them out), Keycloak tells the app, which
 * ends the app's session at once, on every replica. Re-validation would end it too, but only after
 * minutes (the default interval, as here).
 */
@MunicipiaIT
class BackchannelLogoutIT {

  private static final String PASSWORD = "Odhlaseni-2026-test";
  private static final String CLIENT = "municipia-web";

  @Deployment(testable = false)
  static WebArchive deployment() {
    // The shared app: it reads the logouts that reached other replicas every second (SharedApp).
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Browser browser;
  TestUser user;
  AutoCloseable backchannel;

  @BeforeEach
  void setUp() {
    user = KeycloakAdmin.createMember("smopk", "odhlaseni." + System.nanoTime(), PASSWORD);
    browser = Browser.start(Deployments.base(deployed));
  }

  @AfterEach
  void cleanUp() throws Exception {
    browser.close();
    user.close();
    if (backchannel != null) {
      backchannel.close();
    }
  }

  /** Keycloak's back-channel logout goes to this address (the realm names the local run's port). */
  private void backchannelTo(String url) {
    backchannel =
        KeycloakAdmin.setClientAttributes(
            CLIENT,
            Map.of("backchannel.logout.url", url, "backchannel.logout.session.required", "true"));
  }

  @Test
  void aKeycloakAdminsLogoutEndsTheAppSession() {
    backchannelTo(Deployments.base(deployed) + "/auth/backchannel-logout");
    logIn();

    KeycloakAdmin.logoutUser(user.id());
    browser.open("/smopk/members");

    browser.waitFor(By.cssSelector("#username, #password"));
    assertThat(browser.isAt("/smopk/members")).as("logged out of the app").isFalse();
  }

  /**
   * The logout reached another replica, which recorded it in the database (the row below is what it
   * writes); Keycloak's call never reaches this one (its address does not answer here). This
   * replica ends the session at its next look at the table, a second here, long before it would ask
   * Keycloak again.
   */
  @Test
  void aLogoutThatReachedAnotherReplicaEndsTheSessionHereToo() throws Exception {
    backchannelTo("http://localhost:9/auth/backchannel-logout");
    logIn();
    List<String> keycloakSessions = KeycloakAdmin.sessionIds(user.id());
    assertThat(keycloakSessions).hasSize(1);
    KeycloakAdmin.logoutUser(user.id());
    browser.open("/smopk/members");
    assertThat(browser.isAt("/smopk/members")).as("this replica has not heard yet").isTrue();

    try (Connection c = TestStack.get().database().superuser("municipia");
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO ended_login (issuer, sid, subject, ended_at)"
                    + " VALUES (?, ?, ?, now())")) {
      ps.setString(1, TestStack.get().issuer());
      ps.setString(2, keycloakSessions.get(0));
      ps.setString(3, user.id());
      ps.executeUpdate();
    }
    Thread.sleep(2500);
    browser.open("/smopk/members");

    browser.waitFor(By.cssSelector("#username, #password"));
    assertThat(browser.isAt("/smopk/members")).as("logged out of the app").isFalse();
  }

  @Test
  void aLogoutTokenThatKeycloakDidNotSignIsRefused() {
    Api api = new Api(Deployments.base(deployed));
    String form = "application/x-www-form-urlencoded";

    assertThat(api.post("/auth/backchannel-logout", null, form, "logout_token=nonsense").status())
        .isEqualTo(400);
    assertThat(api.post("/auth/backchannel-logout", null, form, "").status()).isEqualTo(400);
    // Signed by Keycloak, but an ID token: no logout event in it.
    String idToken = Tokens.idToken(SMOPK_ADMIN);
    Api.Response wrongKind =
        api.post(
            "/auth/backchannel-logout",
            null,
            form,
            "logout_token=" + URLEncoder.encode(idToken, StandardCharsets.UTF_8));
    assertThat(wrongKind.status()).isEqualTo(400);
    assertThat(wrongKind.header("Cache-Control")).contains("no-store");
  }

  private void logIn() {
    browser
        .open("/smopk/members")
        .logInAtKeycloak(user.username(), PASSWORD)
        .waitForPath("/smopk/members");
    assertThat(browser.status()).isEqualTo(200);
  }
}
