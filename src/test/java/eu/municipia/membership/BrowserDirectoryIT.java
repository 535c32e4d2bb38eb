package eu.municipia.membership;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The public member directory and coverage pages in a real browser, with axe-core. The coverage
 * map's tile server is one that cannot be reached (MAP_TILES_URL in pom.xml), as on this machine
 * without internet any tile server is: the map must work without its tiles.
 */
@MunicipiaIT
class BrowserDirectoryIT {

  private static final String TILES = "http://localhost:9/tiles/";
  private static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";

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
    browser.navigate("Členové");
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

  @Test
  void theCoverageMapDrawsOneCirclePerActiveMemberWithoutItsTilesAndIsAccessible() {
    browser.open("/smopk/coverage");
    int members = Integer.parseInt(browser.waitFor(By.id("member-count")).getText());

    WebElement map = browser.waitFor(By.cssSelector("#member-map[data-markers]"));
    assertThat(Integer.parseInt(map.getAttribute("data-markers")))
        .as("markers drawn vs. the page's own member count")
        .isEqualTo(members);
    assertThat(
            browser.driver().findElements(By.cssSelector("#member-map path.leaflet-interactive")))
        .hasSize(members);
    List<String> tiles =
        browser.driver().findElements(By.cssSelector("#member-map img.leaflet-tile")).stream()
            .map(tile -> tile.getAttribute("src"))
            .toList();
    assertThat(tiles).isNotEmpty().allSatisfy(src -> assertThat(src).startsWith(TILES));
    assertThat(map.getAttribute("aria-label")).isEqualTo("Mapa členských obcí");
    // The figures and the table are still there beside the map.
    assertThat(browser.driver().findElements(By.cssSelector("#districts tbody tr"))).isNotEmpty();
    assertThat(browser.seriousAccessibilityViolations())
        .as("axe on coverage with the map")
        .isEmpty();

    browser.open("/smopk/coverage?lang=en");
    assertThat(
            browser.waitFor(By.cssSelector("#member-map[data-markers]")).getAttribute("aria-label"))
        .isEqualTo("Map of member municipalities");
  }

  @Test
  void leafletComesFromTheWarAndThePageStandsWithoutScripts() {
    Api api = new Api(Deployments.base(deployed));
    Api.Response script = api.get(LEAFLET + "leaflet.js", null);
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.contentType()).contains("javascript");
    assertThat(api.get(LEAFLET + "leaflet.css", null).status()).isEqualTo(200);
    assertThat(api.get("/static/coverage-map.js", null).status()).isEqualTo(200);

    String page = api.get("/smopk/coverage", null).body();
    // Without JavaScript the map stays hidden; the figures and the table by district are the page.
    assertThat(page).containsPattern("<figure id=\"member-map-figure\"[^>]* hidden=\"hidden\"");
    assertThat(page).contains("id=\"member-count\"", "<table id=\"districts\"");
    assertThat(page).contains("src=\"" + LEAFLET + "leaflet.js\"");
    assertThat(page).contains("data-tiles-url=\"" + TILES + "{z}/{x}/{y}.png\"");
    Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
    while (scripts.find()) {
      assertThat(scripts.group(1)).as("no inline scripts").contains("src=");
    }
  }
}
