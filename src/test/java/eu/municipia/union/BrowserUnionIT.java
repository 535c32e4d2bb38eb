package eu.municipia.union;

import static eu.municipia.testing.DemoUsers.SMOCR_ANALYST;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The union's dashboard in Chromium: SMO ČR's analyst reaches it from the navigation, sees a table
 * per kind of figure with SMOPK's row and the total, each with its chart drawn by Chart.js from the
 * table (no inline script: the page's Content-Security-Policy holds); wrong years are named beside
 * their field. axe-core finds nothing serious.
 */
@MunicipiaIT
class BrowserUnionIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Browser browser;

  @BeforeEach
  void start() {
    browser = Browser.start(Deployments.base(deployed));
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void theAnalystReadsEveryTableWithItsChart() {
    browser.open("/smocr/").waitFor(By.id("login")).click();
    browser.logInAtKeycloak(SMOCR_ANALYST);
    browser.waitFor(By.id("nav-admin-heading")).click(); // the administration group opens
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("nav-union")));
    browser.waitForPath("/smocr/union");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).startsWith("Přehled unie");
    for (String table : List.of("members", "coverage", "dues", "resolutions")) {
      WebElement t = browser.waitFor(By.id("table-" + table));
      assertThat(t.findElements(By.cssSelector("tbody tr[data-association='smopk']"))).isNotEmpty();
      assertThat(t.findElements(By.cssSelector("tbody tr.total"))).isNotEmpty();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-" + table)));
    }
    assertThat(browser.contentSecurityViolations()).isEmpty();
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the dashboard").isEmpty();

    browser.waitFor(By.id("from")).clear();
    browser.waitFor(By.id("from")).sendKeys("1800");
    WebElement before = browser.waitFor(By.id("table-members"));
    browser.waitFor(By.id("show")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.stalenessOf(before));
    assertThat(browser.waitFor(By.id("from-error")).getText())
        .isEqualTo("Rok musí být mezi 1900 a 2100.");
    assertThat(browser.waitFor(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.waitFor(By.id("from")).getAttribute("value")).isEqualTo("1800");
    assertThat(browser.seriousAccessibilityViolations()).as("axe with an error").isEmpty();
  }
}
