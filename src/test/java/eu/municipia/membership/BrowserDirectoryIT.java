package eu.municipia.membership;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The public member directory and coverage pages in a real browser, with axe-core. */
@MunicipiaIT
class BrowserDirectoryIT {

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
  void aVisitorFindsCilaWithoutTypingAccentsAndThePageIsAccessible() {
    browser.open("/smopk/");
    browser.waitFor(By.linkText("Členové")).click();
    browser.waitForPath("/smopk/directory");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the directory").isEmpty();

    browser.waitFor(By.id("q")).sendKeys("cila");
    browser.waitFor(By.id("search-button")).click();

    assertThat(
            browser.waitFor(By.cssSelector("#members tbody tr[data-code='540927'] th")).getText())
        .isEqualTo("Čilá");
    assertThat(browser.driver().findElements(By.cssSelector("#members tbody tr"))).hasSize(1);
  }

  @Test
  void theDistrictFilterAndSortingNarrowAndOrderTheList() {
    browser.open("/smopk/directory");
    new Select(browser.waitFor(By.id("district"))).selectByVisibleText("Plzeň-město");
    new Select(browser.waitFor(By.id("sort"))).selectByValue("population");
    browser.waitFor(By.id("search-button")).click();

    String firstRow = browser.waitFor(By.cssSelector("#members tbody tr:first-child th")).getText();
    assertThat(firstRow).isEqualTo("Plzeň");
    assertThat(browser.driver().findElements(By.cssSelector("#members tbody tr td:nth-child(2)")))
        .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("Plzeň-město"));
  }

  @Test
  void aSearchWithoutResultsSaysSo() {
    browser.open("/smopk/directory?q=zzzz");

    assertThat(browser.waitFor(By.id("empty")).isDisplayed()).isTrue();
  }

  @Test
  void theCoveragePageShowsTheFiguresByDistrictAndIsAccessible() {
    browser.open("/smopk/coverage");

    assertThat(Integer.parseInt(browser.waitFor(By.id("member-count")).getText()))
        .isGreaterThanOrEqualTo(90);
    assertThat(browser.waitFor(By.id("share")).getText()).endsWith("%");
    // Three districts in the demo register; all seven of the region once the full table is in.
    assertThat(browser.driver().findElements(By.cssSelector("#districts tbody tr")))
        .hasSizeBetween(3, 7);
    assertThat(browser.seriousAccessibilityViolations()).as("axe on coverage").isEmpty();

    browser.open("/smopk/coverage?lang=en");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Coverage of the region");
  }
}
