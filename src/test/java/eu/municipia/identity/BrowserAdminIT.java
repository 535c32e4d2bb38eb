package eu.municipia.identity;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL_PERSON_ID;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonString;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The association admin's pages in a real browser: granting and revoking roles, the audit log. */
@MunicipiaIT
class BrowserAdminIT {

  private static final By OFFICIAL_ROW = By.cssSelector("tr[data-username='starosta.cila']");
  private static final By EDITOR_REVOKE = By.cssSelector("input.revoke[data-role='editor']");

  /** The editor role in the row's list of roles held (the select offers it too). */
  private static final By EDITOR_HELD =
      By.xpath(".//li[input[contains(@class, 'revoke') and @data-role='editor']]");

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

  @AfterEach
  void takeBackTheEditorRoleIfATestLeftIt() {
    // A test that fails between grant and revoke must not leave the role to other tests.
    Api api = new Api(Deployments.base(deployed));
    boolean held =
        api.get("/api/v1/tenants/smopk/me", Tokens.accessToken(SMOPK_OFFICIAL))
            .json()
            .asJsonObject()
            .getJsonArray("roles")
            .getValuesAs(JsonString::getString)
            .contains("editor");
    if (held) {
      api.delete(
          "/api/v1/tenants/smopk/people/" + SMOPK_OFFICIAL_PERSON_ID + "/roles/editor",
          Tokens.accessToken(SMOPK_ADMIN));
    }
  }

  @Test
  void anAdminGrantsAndRevokesARoleOnTheRolesPageAndTheGrantIsAudited() {
    browser
        .open("/smopk/admin/roles")
        .logInAtKeycloak(SMOPK_ADMIN)
        .waitForPath("/smopk/admin/roles");
    assertThat(browser.waitFor(OFFICIAL_ROW).getText()).contains("Josef Král");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the roles page").isEmpty();

    WebElement row = browser.driver().findElement(OFFICIAL_ROW);
    new Select(row.findElement(By.tagName("select"))).selectByValue("editor");
    row.findElement(By.cssSelector("input.grant")).click();

    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Role byla přidělena.");
    assertThat(browser.waitFor(OFFICIAL_ROW).findElement(EDITOR_HELD).getText())
        .contains("redaktor");
    assertThat(browser.seriousAccessibilityViolations())
        .as("axe on the roles page with a message")
        .isEmpty();

    browser.open("/smopk/admin/audit");
    assertThat(browser.waitFor(By.id("audit")).getText()).contains("role.granted");

    browser.open("/smopk/admin/roles");
    browser.waitFor(OFFICIAL_ROW).findElement(EDITOR_REVOKE).click();

    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Role byla odebrána.");
    assertThat(browser.waitFor(OFFICIAL_ROW).findElements(EDITOR_REVOKE)).isEmpty();
  }

  @Test
  void aMemberOfficialWhoOpensTheRolesPageGetsTheForbiddenErrorPage() {
    browser
        .open("/smopk/admin/roles")
        .logInAtKeycloak(SMOPK_OFFICIAL)
        .waitForPath("/smopk/admin/roles");

    assertThat(browser.status()).isEqualTo(403);
    assertThat(browser.waitFor(By.id("error-message")).getText())
        .startsWith("K této stránce nemáte přístup.");
    assertThat(browser.isPresent(By.id("roles"))).isFalse();
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the 403 page").isEmpty();
  }
}
