package eu.municipia.platform;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An association's public home page and the way in and out of its member area, in a real browser
 * against the real Keycloak: the login form, the session, another association's refusal and the
 * logout that ends the Keycloak session too.
 */
@MunicipiaIT
class BrowserLoginIT {

  private static final String SMOPK_NAME_CS = "Sdružení měst a obcí Plzeňského kraje";
  private static final String SMOPK_NAME_EN =
      "Association of Towns and Municipalities of the Plzeň Region";
  private static final String FORBIDDEN_CS =
      "K této stránce nemáte přístup. Vaše přihlášení nepatří k tomuto sdružení nebo nemáte"
          + " potřebnou roli.";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start(Deployments.base(deployed));
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void theHomePageNamesTheAssociationInCzechAndInEnglishOnRequest() {
    browser.open("/smopk/");

    assertThat(browser.waitFor(By.id("tenant-name")).getText()).isEqualTo(SMOPK_NAME_CS);
    assertThat(browser.language()).isEqualTo("cs");

    browser.open("/smopk/?lang=en");

    assertThat(browser.waitFor(By.id("tenant-name")).getText()).isEqualTo(SMOPK_NAME_EN);
    assertThat(browser.language()).isEqualTo("en");
  }

  @Test
  void theHomePageHasNoSeriousAccessibilityViolationsInEitherLanguage() {
    browser.open("/smopk/").waitFor(By.id("tenant-name"));
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the Czech home page").isEmpty();

    browser.open("/smopk/?lang=en").waitFor(By.id("tenant-name"));
    assertThat(browser.seriousAccessibilityViolations())
        .as("axe on the English home page")
        .isEmpty();
  }

  @Test
  void anAdminLogsInIsRefusedByAnotherAssociationAndLogsOutOfKeycloakToo() {
    browser.open("/smopk/");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("login")));
    browser.logInAtKeycloak(SMOPK_ADMIN).waitForPath("/smopk/members");

    assertThat(browser.waitFor(By.id("caller-name")).getText()).isEqualTo("Anna Nováková");
    assertThat(browser.isPresent(By.cssSelector("ul#roles li[data-role='admin']"))).isTrue();

    // The same session in another association: logged in, but not a member there.
    browser.open("/smocr/members");

    assertThat(browser.status()).isEqualTo(403);
    assertThat(browser.waitFor(By.id("error-message")).getText()).isEqualTo(FORBIDDEN_CS);
    assertThat(browser.driver().getPageSource()).doesNotContain("Exception", "\tat ");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the 403 page").isEmpty();

    browser.clickAndWaitForNextPage(
        browser.open("/smopk/members").waitFor(By.id("logout:logout-button")));
    browser.waitForPath("/smopk/");

    assertThat(browser.waitFor(By.id("login")).isDisplayed()).isTrue();
    assertThat(browser.isPresent(By.id("logout:logout-button"))).isFalse();

    // Had only our session ended, Keycloak's SSO cookie would log the browser straight back in.
    browser.open("/smopk/members").waitForKeycloakLogin();

    assertThat(URI.create(browser.driver().getCurrentUrl()).getPath())
        .startsWith("/realms/municipia/");
  }
}
