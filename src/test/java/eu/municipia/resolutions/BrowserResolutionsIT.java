package eu.municipia.resolutions;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.Tokens;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The register in Chromium: an admin makes a body, its seats and a meeting, is refused a vote
 * without quorum (the reason beside the time), records attendance and a resolution, publishes it;
 * the public finds it in the register by an inflected word without accents and opens it; a member
 * sees the members-only one that the public does not. axe-core finds nothing serious on the
 * register, a resolution, a meeting and every admin form.
 */
@MunicipiaIT
class BrowserResolutionsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Browser browser;
  String prefixOfThisTest;

  @BeforeEach
  void start() {
    browser = Browser.start(Deployments.base(deployed));
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void anAdminRecordsAndPublishesAResolutionThatThePublicFindsAndOpens() {
    String prefix = "KV" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    prefixOfThisTest = prefix;
    String word = "vodovod" + prefix.toLowerCase();
    browser
        .open("/smopk/admin/resolutions")
        .logInAtKeycloak(SMOPK_ADMIN)
        .waitForPath("/smopk/admin/resolutions");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Správa usnesení");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the admin overview").isEmpty();

    field("body:nameCs").sendKeys("Kontrolní výbor " + prefix);
    field("body:numberPattern").sendKeys(prefix + "/{n}");
    new Select(field("body:kind")).selectByValue("COMMITTEE");
    click("body:create");
    assertThat(browser.waitFor(By.id("body:numberPattern-error")).getText())
        .startsWith("Vzor čísla musí obsahovat");
    assertThat(field("body:numberPattern").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(field("body:nameCs").getAttribute("value"))
        .as("what was typed stays")
        .isEqualTo("Kontrolní výbor " + prefix);
    assertThat(browser.seriousAccessibilityViolations()).as("axe with an error").isEmpty();
    field("body:numberPattern").clear();
    field("body:numberPattern").sendKeys(prefix + "/{year}/{n}");
    click("body:create");
    browser.waitForPath("/smopk/admin/resolutions/body");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Kontrolní výbor " + prefix);
    assertThat(browser.seriousAccessibilityViolations()).as("axe on a body").isEmpty();

    for (String name : List.of("Alena Nová", "Bohumil Starý", "Cyril Malý")) {
      field("seat:name").sendKeys(name);
      setValue("seat:termFrom", "2030-01-01");
      click("seat:add");
      browser.waitFor(By.xpath("//table[@id='seat-list']//th[normalize-space()='" + name + "']"));
    }
    field("meeting:number").clear();
    field("meeting:number").sendKeys("5");
    setValue("meeting:startsAt", "2031-05-14");
    setValue("meeting:startsAtTime", "16:00");
    field("meeting:place").sendKeys("Plzeň, Škroupova 18");
    click("meeting:create");
    browser.waitForPath("/smopk/admin/resolutions/meeting");
    assertThat(browser.waitFor(By.tagName("h1")).getText())
        .isEqualTo("5. zasedání – Kontrolní výbor " + prefix);
    assertThat(browser.seriousAccessibilityViolations()).as("axe on a meeting").isEmpty();

    field("agenda:title").sendKeys("Obnova vodovodu");
    click("agenda:add");
    browser.waitFor(By.xpath("//ol[@id='agenda']/li[normalize-space()='Obnova vodovodu']"));

    recordResolution(word, "3");
    assertThat(shown("resolution:votedAt-error"))
        .isEqualTo(
            "Orgán nebyl v tu chvíli usnášeníschopný: přítomno 0 z 3, potřeba alespoň 2. Usnesení nelze přijmout.");
    assertThat(field("resolution:title").getAttribute("value"))
        .as("nothing typed is lost")
        .contains(word);
    assertThat(browser.seriousAccessibilityViolations()).as("axe with the refusal").isEmpty();

    click("stays:everyone");
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Zapsáno přítomných od začátku: 3.");
    click("resolution:record");
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Usnesení " + prefix + "/2031/1 zaznamenáno: Přijato (3 hlasů pro, potřeba 2).");
    WebElement row =
        browser.waitFor(By.cssSelector("#resolution-list tr[data-number='" + prefix + "/2031/1']"));
    browser.clickAndWaitForNextPage(row.findElement(By.cssSelector("input[type=submit]")));
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Usnesení " + prefix + "/2031/1 je zveřejněno.");

    browser.driver().findElement(By.id("file")).sendKeys(minutesPdf().toString());
    new Select(field("file-visibility")).selectByValue("PUBLIC");
    click("upload-button");
    browser.waitFor(By.xpath("//ul[@id='files']/li[contains(., 'zapis-" + prefix + ".pdf')]"));
    assertThat(browser.waitFor(By.id("files")).getText())
        .contains("Zápis: zapis-" + prefix + ".pdf");

    try (Browser visitor = Browser.start(Deployments.base(deployed))) {
      visitor.open("/smopk/");
      visitor.navigate("Usnesení");
      visitor.waitForPath("/smopk/resolutions");
      assertThat(visitor.seriousAccessibilityViolations()).as("axe on the register").isEmpty();
      visitor.waitFor(By.id("q")).sendKeys("rozpoctu " + word);
      visitor.waitFor(By.id("search-button")).click();
      WebElement hit =
          visitor.waitFor(By.cssSelector("li.resolution[data-number='" + prefix + "/2031/1']"));
      assertThat(visitor.waitFor(By.id("result-count")).getText())
          .startsWith("Nalezeno usnesení: 1");
      assertThat(hit.findElements(By.tagName("mark")).stream().map(WebElement::getText))
          .contains("rozpočet");
      assertThat(visitor.seriousAccessibilityViolations()).as("axe on search results").isEmpty();
      hit.findElement(By.tagName("a")).click();
      visitor.waitForPath("/smopk/resolutions/resolution");
      assertThat(visitor.waitFor(By.id("number")).getText()).isEqualTo(prefix + "/2031/1");
      assertThat(visitor.waitFor(By.id("outcome")).getText()).isEqualTo("Přijato");
      assertThat(visitor.waitFor(By.id("rule")).getText())
          .isEqualTo(
              "Potřebná většina: nadpoloviční většina přítomných, tj. alespoň 2 hlasů pro. Usnášeníschopnost od 2 přítomných (počítají se členové orgánu).");
      assertThat(visitor.waitFor(By.id("text")).getText()).contains("schvaluje rozpočet");
      assertThat(visitor.seriousAccessibilityViolations()).as("axe on a resolution").isEmpty();
      visitor.waitFor(By.linkText("5. zasedání, 14. 5. 2031")).click();
      visitor.waitForPath("/smopk/resolutions/meeting");
      assertThat(visitor.isPresent(By.id("agenda"))).as("the agenda is for members").isFalse();
      assertThat(visitor.waitFor(By.id("files")).getText()).contains("zapis-" + prefix + ".pdf");
      assertThat(visitor.seriousAccessibilityViolations()).as("axe on a meeting").isEmpty();

      visitor.open("/smopk/resolutions?lang=en");
      assertThat(visitor.waitFor(By.tagName("h1")).getText()).isEqualTo("Resolutions");
    }

    browser.open("/smopk/admin/resolutions/resolution?id=" + idOf(prefix + "/2031/1"));
    assertThat(browser.seriousAccessibilityViolations())
        .as("axe on a resolution's admin page")
        .isEmpty();
    field("wording:text").sendKeys(" Termín do konce roku.");
    click("wording:save");
    assertThat(browser.waitFor(By.id("wording:reason-error")).getText())
        .startsWith("Zveřejněné usnesení lze opravit jen s uvedením důvodu");
    field("wording:reason").sendKeys("Doplněn termín podle zápisu.");
    click("wording:save");
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Oprava je uložena");
    field("task:what").sendKeys("Zadat projekt obnovy vodovodu");
    field("task:who").sendKeys("místopředseda");
    setValue("task:dueOn", "2031-09-30");
    click("task:add");
    browser.waitFor(By.id("task-list"));
    assertThat(browser.seriousAccessibilityViolations()).as("axe with tasks").isEmpty();

    browser.open("/smopk/resolutions/resolution?number=" + prefix + "/2031/1");
    assertThat(browser.waitFor(By.id("revisions")).getText())
        .contains("Doplněn termín podle zápisu.");
    assertThat(browser.waitFor(By.id("tasks")).getText())
        .contains("Zadat projekt obnovy vodovodu", "Zadán");
  }

  @Test
  void aMembersOnlyResolutionIsThereForMembersAndNotForThePublic() {
    Api api = new Api(Deployments.base(deployed));
    String admin = Tokens.accessToken(SMOPK_ADMIN);
    Council council = Council.create(api, admin, "HALF_OF_PRESENT", Map.of(), false);
    String meeting = council.sitting(3, 1, "2031-06-10T10:00");
    String word = "dotace" + council.prefix.toLowerCase();
    council.published(
        Council.resolution(
                meeting,
                "GENERAL",
                "Neveřejná " + word,
                "Výbor souhlasí s věcí " + word + ".",
                "2031-06-10T10:10",
                3,
                0,
                0)
            .add("visibility", "MEMBERS"));

    browser.open("/smopk/resolutions?q=" + word);
    assertThat(browser.waitFor(By.id("result-count")).getText()).isEqualTo("Nalezeno usnesení: 0");
    browser.open("/smopk/resolutions/resolution?number=" + council.prefix + "/2031/1");
    assertThat(browser.status()).isEqualTo(404);

    browser.open("/smopk/members").logInAtKeycloak(SMOPK_OFFICIAL).waitForPath("/smopk/members");
    browser.open("/smopk/resolutions?q=" + word);
    assertThat(browser.waitFor(By.id("result-count")).getText()).startsWith("Nalezeno usnesení: 1");
    assertThat(browser.waitFor(By.cssSelector(".members-only")).getText())
        .isEqualTo("Jen pro členy");
    assertThat(browser.isPresent(By.id("admin-link"))).as("no admin link for a member").isFalse();
    browser.open("/smopk/resolutions/meeting?id=" + meeting);
    assertThat(browser.seriousAccessibilityViolations())
        .as("axe on a member's meeting page")
        .isEmpty();
  }

  private void recordResolution(String word, String votesFor) {
    new Select(field("resolution:type")).selectByValue("BUDGET");
    field("resolution:title").clear();
    field("resolution:title").sendKeys("Rozpočet obnovy " + word);
    field("resolution:text").clear();
    field("resolution:text")
        .sendKeys("Výbor schvaluje rozpočet obnovy " + word + " ve výši 1 200 000 Kč.");
    setValue("resolution:votedAt", "16:30");
    field("resolution:votesFor").clear();
    field("resolution:votesFor").sendKeys(votesFor);
    field("resolution:votesAgainst").clear();
    field("resolution:votesAgainst").sendKeys("0");
    field("resolution:abstained").clear();
    field("resolution:abstained").sendKeys("0");
    click("resolution:record");
  }

  private java.nio.file.Path minutesPdf() {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "browser").toAbsolutePath();
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Path file = dir.resolve("zapis-" + prefixOfThisTest + ".pdf");
      try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
        pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
        pdf.save(file.toFile());
      }
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String idOf(String number) {
    String href =
        browser
            .driver()
            .findElement(By.xpath("//tr[@data-number='" + number + "']//a"))
            .getAttribute("href");
    return href.substring(href.indexOf("id=") + 3);
  }

  /** The text of an element that should appear; where it does not, the page's whole content. */
  private String shown(String id) {
    try {
      return browser.waitFor(By.id(id)).getText();
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          id
              + " never appeared; the page says: "
              + browser.driver().findElement(By.id("content")).getText(),
          e);
    }
  }

  private WebElement field(String id) {
    return browser.waitFor(By.id(id));
  }

  private void click(String id) {
    browser.waitFor(By.id(id)).click();
  }

  private void setValue(String id, String value) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", field(id), value);
  }
}
