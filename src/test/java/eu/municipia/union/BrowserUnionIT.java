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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The union's dashboard in Chromium: SMO ČR's analyst reaches it from the navigation, sees a table
 * per kind of figure with SMOPK's row and the total, each with its chart drawn by Chart.js from the
 * table (no inline script: the page's Content-Security-Policy holds); wrong years are named beside
 * their field. The map of the country draws every municipality, coloured by its association, and a
 * click on one lists the member municipalities of its district, as the district's link does without
 * JavaScript. axe-core finds nothing serious.
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
    for (String table :
        List.of("members", "coverage", "dues", "events", "articles", "resolutions")) {
      WebElement t = browser.waitFor(By.id("table-" + table));
      assertThat(t.findElements(By.cssSelector("tbody tr[data-association='smopk']"))).isNotEmpty();
      assertThat(t.findElements(By.cssSelector("tbody tr.total"))).isNotEmpty();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-" + table)));
    }
    // In the page's language, not in the browser's (Chromium asks for English first).
    assertThat(
            browser
                .waitFor(By.cssSelector("#table-members tbody tr[data-association='smopk'] th"))
                .getText())
        .isEqualTo("Sdružení měst a obcí Plzeňského kraje");
    assertThat(browser.waitFor(By.id("heading-events")).getText()).startsWith("Akce");
    assertThat(browser.waitFor(By.id("note-events")).getText()).contains("odbavení");
    // The good-practice feed: the union's magazine archive, where the shared articles are.
    assertThat(browser.waitFor(By.id("good-practice-link")).getAttribute("href"))
        .endsWith("/smocr/magazine");
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

  @Test
  void theMapColoursTheCountryAndAClickOnAMunicipalityListsTheMembersOfItsDistrict() {
    browser.open("/smocr/").waitFor(By.id("login")).click();
    browser.logInAtKeycloak(SMOCR_ANALYST);
    // Back in the app, logged in, before going on: a page opened while the login's redirects were
    // still under way lost to them on a busy machine (the browser ended on the member area).
    browser.waitFor(By.id("caller-name"));
    browser.open("/smocr/union");
    WebElement map = browser.waitFor(By.id("union-map"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(
            d ->
                map.getAttribute("data-markers") != null || map.getAttribute("data-error") != null);
    assertThat(map.getAttribute("data-error")).isNull();
    int markers = Integer.parseInt(map.getAttribute("data-markers"));
    int districtRows =
        browser.driver().findElements(By.cssSelector("#table-districts tbody tr")).size();
    assertThat(markers).as("every municipality with a point").isGreaterThanOrEqualTo(181);
    assertThat(Integer.parseInt(map.getAttribute("data-members"))).isGreaterThanOrEqualTo(95);
    assertThat(browser.waitFor(By.id("union-map-figure")).isDisplayed()).isTrue();
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("#map-legend li[data-association='smopk']")))
        .hasSize(1);
    assertThat(districtRows).isGreaterThanOrEqualTo(3);
    assertThat(browser.driver().findElement(By.id("district-members")).isDisplayed()).isFalse();
    assertThat(browser.contentSecurityViolations()).isEmpty();
    assertThat(browser.seriousAccessibilityViolations()).as("axe with the map").isEmpty();

    // Čilá's point, zoomed in so that it is the one under the pointer.
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    @SuppressWarnings("unchecked")
    List<Number> point =
        (List<Number>)
            js.executeScript(
                "var m = arguments[0].leafletMap; m.setView([49.961766, 13.742166], 14,"
                    + " {animate: false}); var p = m.latLngToContainerPoint([49.961766,"
                    + " 13.742166]); return [p.x, p.y];",
                map);
    new Actions(browser.driver())
        .moveToElement(
            map,
            (int) Math.round(point.get(0).doubleValue() - map.getSize().getWidth() / 2.0),
            (int) Math.round(point.get(1).doubleValue() - map.getSize().getHeight() / 2.0))
        .click()
        .perform();
    WebElement members = browser.waitFor(By.id("district-members"));
    assertThat(members.getAttribute("data-district")).isEqualTo("Rokycany");
    assertThat(browser.waitFor(By.id("district-members-heading")).getText()).endsWith("Rokycany");
    WebElement cila = members.findElement(By.cssSelector("tr[data-code='540927']"));
    assertThat(cila.getText()).contains("Čilá", "540927", "19", "Plzeňského kraje");
    assertThat(browser.seriousAccessibilityViolations()).as("axe with a district listed").isEmpty();

    // Without the map: the district's link in the table lists the same, filtered by association.
    browser.open("/smocr/union?association=smopk&district=Rokycany");
    WebElement listed = browser.waitFor(By.id("district-members"));
    assertThat(listed.isDisplayed()).isTrue();
    assertThat(listed.findElements(By.cssSelector("tr[data-code='540927']"))).hasSize(1);
    assertThat(browser.waitFor(By.id("association")).getAttribute("value")).isEqualTo("smopk");

    browser.open("/smocr/union?association=nobody");
    assertThat(browser.waitFor(By.id("association-error")).getText())
        .isEqualTo("Toto sdružení nepatří k unii; zobrazena jsou všechna.");
    assertThat(browser.seriousAccessibilityViolations())
        .as("axe with a wrong association")
        .isEmpty();
  }
}
