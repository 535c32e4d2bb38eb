package eu.municipia.platform;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The Content-Security-Policy in Chromium: every page a visitor, a member, an association admin and
 * the platform admin can see, the Leaflet map and the forms' postbacks included, without a single
 * violation; and the session cookie a real login gets.
 */
@MunicipiaIT
class BrowserWallsIT {

  private static final List<String> VISITOR_PAGES =
      List.of(
          "/",
          "/?lang=en",
          "/smopk/",
          "/smopk/directory",
          "/smopk/directory?q=pl&sort=population",
          "/smopk/join",
          "/smocr/",
          "/smocr/directory",
          "/smocr/coverage",
          "/smopk/nosuch");

  private static final List<String> MEMBER_PAGES =
      List.of(
          "/smopk/members",
          "/smopk/members/directory",
          "/smopk/members/dues",
          "/smopk/",
          "/smopk/directory");

  private static final List<String> ADMIN_PAGES =
      List.of(
          "/smopk/admin/roles",
          "/smopk/admin/audit",
          "/smopk/admin/applications",
          "/smopk/admin/privacy",
          "/smopk/admin/dues",
          "/smopk/admin/member?code=540927",
          "/smocr/members");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Browser browser;
  final List<String> violations = new ArrayList<>();

  @BeforeEach
  void startBrowser() {
    browser = Browser.start(Deployments.base(deployed));
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void theDetectorSeesAViolation() {
    browser.open("/smopk/").waitFor(By.id("tenant-name"));
    assertThat(browser.contentSecurityViolations()).isEmpty();

    // An inline script, as an injected one would be: the policy stops it and the browser says so.
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript(
            "var s = document.createElement('script');"
                + " s.textContent = 'document.body.dataset.injected = \"yes\"';"
                + " document.body.appendChild(s);");

    assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("data-injected"))
        .isNull();
    assertThat(browser.contentSecurityViolations())
        .singleElement()
        .asString()
        .contains("inline script");
  }

  @Test
  void aVisitorsPagesAndTheMapKeepThePolicy() {
    for (String page : VISITOR_PAGES) {
      visit(page);
    }
    // The map: Leaflet draws the members (its styles are set from script, which the policy
    // allows) and asks the configured tile server for images.
    browser.open("/smopk/coverage");
    browser.waitFor(By.cssSelector("#member-map[data-markers]"));
    assertThat(browser.driver().findElements(By.cssSelector("#member-map img.leaflet-tile")))
        .isNotEmpty();
    record();
    browser.open("/smopk/coverage?lang=en").waitFor(By.cssSelector("#member-map[data-markers]"));
    record();

    assertThat(violations).isEmpty();
  }

  @Test
  void aMembersPagesKeepThePolicyAndItsSessionCookieIsLaxAndHttpOnly() {
    browser.open("/smopk/members").logInAtKeycloak(SMOPK_OFFICIAL).waitForPath("/smopk/members");
    record();

    Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
    assertThat(session).as("the session cookie after the login").isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
    // Plain HTTP from the test: no proxy said HTTPS.
    assertThat(session.isSecure()).isFalse();

    for (String page : MEMBER_PAGES) {
      visit(page);
    }
    browser.open("/smopk/coverage").waitFor(By.cssSelector("#member-map[data-markers]"));
    record();

    assertThat(violations).isEmpty();
  }

  @Test
  void anAdminsPagesTheirFormsAndTheLogoutKeepThePolicy() {
    browser
        .open("/smopk/admin/roles")
        .logInAtKeycloak(SMOPK_ADMIN)
        .waitForPath("/smopk/admin/roles");
    record();
    for (String page : ADMIN_PAGES) {
      visit(page);
    }
    // A postback of a Faces form.
    browser.open("/smopk/admin/privacy");
    browser.waitFor(By.id("privacy:email")).sendKeys("nikdo@example.org");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("privacy:search")));
    browser.waitFor(By.tagName("h1"));
    record();
    // The logout posts a form whose answer redirects to Keycloak's end-session endpoint:
    // form-action must allow that origin, or the browser stops the logout half-way.
    browser.clickAndWaitForNextPage(browser.open("/smopk/").waitFor(By.id("logout:logout-button")));
    browser.waitForPath("/smopk/");
    browser.waitFor(By.id("login"));
    record();

    assertThat(violations).isEmpty();
  }

  @Test
  void thePlatformAdminsImportPageKeepsThePolicy() {
    browser
        .open("/platform/register")
        .logInAtKeycloak(PLATFORM_ADMIN)
        .waitForPath("/platform/register");
    browser.waitFor(By.id("register-import"));
    record();
    visit("/");

    assertThat(violations).isEmpty();
  }

  private void visit(String page) {
    browser.open(page).waitFor(By.tagName("h1"));
    record();
  }

  private void record() {
    violations.addAll(browser.contentSecurityViolations());
  }
}
