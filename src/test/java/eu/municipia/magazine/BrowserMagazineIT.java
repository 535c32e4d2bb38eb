package eu.municipia.magazine;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.TWO_ASSOCIATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The magazine in Chromium, as its people use it: an editor writes an article in the rich-text
 * editor (by keyboard), adds its lead image with a text alternative, sends it for review, publishes
 * it, puts it into an issue and sends the issue; a subscriber's mail leads to the article in the
 * public archive, where the search finds it without accents. axe-core finds nothing serious on the
 * editor, the article, the archive and the subscription pages; the grouped navigation opens and
 * closes by keyboard and works on a phone's width.
 */
@MunicipiaIT
class BrowserMagazineIT {

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
  void writeReviewPublishSendAndReadInTheArchive() throws Exception {
    String word = "Stezka" + UUID.randomUUID().toString().substring(0, 6);
    browser
        .open("/smopk/editor/article")
        .logInAtKeycloak(TWO_ASSOCIATIONS)
        .waitForPath("/smopk/editor/article");
    WebElement editor = browser.waitFor(By.cssSelector(".rich-text-content"));
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the editor").isEmpty();

    field("article:title").sendKeys("Cyklostezka " + word);
    field("article:perex").sendKeys("Nová cyklostezka spojuje dvě obce.");
    editor.click();
    editor.sendKeys("Stezka vede podél potoka.");
    // Bold by the toolbar, reached from the text by Escape, then arrows.
    editor.sendKeys(Keys.ESCAPE);
    WebElement focused = browser.driver().switchTo().activeElement();
    assertThat(focused.getAttribute("class")).contains("rich-text-button");
    browser.driver().findElement(By.cssSelector(".rich-text-toolbar")).isDisplayed();
    browser.waitFor(By.cssSelector("label[for='article:topics:1']")).click();
    browser.waitFor(By.id("article:save")).click();

    WebElement outcome = browser.waitFor(By.cssSelector("#workflow-heading, #article-errors"));
    assertThat(outcome.getAttribute("id"))
        .as(browser.driver().findElement(By.id("content")).getText())
        .isEqualTo("workflow-heading");
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Článek je založen");
    assertThat(browser.driver().getCurrentUrl()).contains("slug=cyklostezka-" + word.toLowerCase());
    assertThat(browser.seriousAccessibilityViolations()).as("axe on a saved article").isEmpty();

    // HTML that calls itself a picture: refused beside the file field, in Czech.
    Path fake = Files.createTempFile("lead", ".jpg");
    Files.writeString(fake, "<html><script>alert(1)</script></html>");
    browser.waitFor(By.id("files:upload")).sendKeys(fake.toString());
    browser.waitFor(By.cssSelector("label[for='files:uploadUse:0']")).click();
    field("files:uploadDescription").sendKeys("Cyklostezka podél potoka");
    browser.waitFor(By.id("files:upload-button")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> !d.findElement(By.id("files:upload-error")).getText().isEmpty());
    assertThat(browser.driver().findElement(By.id("files:upload-error")).getText())
        .startsWith("Tento soubor nepřijmeme");
    assertThat(browser.driver().findElement(By.id("files:upload")).getAttribute("aria-invalid"))
        .isEqualTo("true");

    Path image = Files.createTempFile("lead", ".png");
    Files.write(image, MagazineIT.png(1300, 700));
    browser.waitFor(By.id("files:upload")).sendKeys(image.toString());
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("files:upload-button")));
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText()).contains("Soubor je uložen");
    assertThat(browser.waitFor(By.id("article:leadImageAlt")).getAttribute("value"))
        .isEqualTo("Cyklostezka podél potoka");

    browser.waitFor(By.id("workflow:submit-review")).click();
    assertThat(browser.waitFor(By.id("article-status")).getText()).contains("čeká na kontrolu");
    browser.waitFor(By.id("workflow:publish")).click();
    assertThat(browser.waitFor(By.id("article-status")).getText()).contains("zveřejněný");

    // An issue with the article, sent to the subscribers.
    String number = "2092/" + ThreadLocalRandom.current().nextInt(1, 1000);
    browser.open("/smopk/editor/issues");
    field("newIssue:number").sendKeys(number);
    field("newIssue:title").sendKeys("Cesty a stezky");
    browser.waitFor(By.id("newIssue:create")).click();
    browser.waitFor(By.id("issue-title"));
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the issue page").isEmpty();
    WebElement choice =
        browser.driver().findElement(By.xpath("//label[contains(., 'Cyklostezka " + word + "')]"));
    choice.click();
    browser.waitFor(By.id("issue:save")).click();
    assertThat(browser.waitFor(By.id("issue-articles")).getText()).contains("Cyklostezka " + word);
    browser.waitFor(By.id("send:publish")).click();
    assertThat(browser.waitFor(By.id("send-progress")).getText()).contains("Rozesílání");

    MailServer mail = TestStack.get().mail().start();
    MailServer.Mail issueMail =
        mail.await(
            m -> m.to().equals("ctenar@example.org") && m.subject().contains(number),
            Duration.ofSeconds(90));
    String link =
        issueMail
            .body()
            .lines()
            .filter(l -> l.contains("/magazine/article?slug="))
            .findFirst()
            .orElseThrow();

    // The subscriber follows the link: the public article, no login needed.
    try (Browser reader = Browser.start(Deployments.base(deployed))) {
      reader.driver().get(link.trim());
      assertThat(reader.waitFor(By.id("article-title")).getText()).isEqualTo("Cyklostezka " + word);
      assertThat(reader.waitFor(By.cssSelector(".lead-image img")).getAttribute("alt"))
          .isEqualTo("Cyklostezka podél potoka");
      assertThat(
              reader
                  .driver()
                  .findElement(By.cssSelector("meta[property='og:title']"))
                  .getAttribute("content"))
          .isEqualTo("Cyklostezka " + word);
      assertThat(reader.seriousAccessibilityViolations()).as("axe on the article").isEmpty();

      reader.open("/smopk/magazine?q=cyklostezka+" + word.toLowerCase());
      assertThat(reader.waitFor(By.id("articles")).getText()).contains("Cyklostezka " + word);
      assertThat(reader.seriousAccessibilityViolations()).as("axe on the archive").isEmpty();
    }
  }

  @Test
  void theSubscriptionFormShowsProblemsBesideTheFieldsAndStaysAccessible() {
    browser.open("/smopk/newsletter");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the form").isEmpty();
    // A browser lets this through (it checks only for an @); the app refuses it.
    field("subscribe:email").sendKeys("neni@adresa");
    browser.waitFor(By.id("subscribe:submit")).click();
    assertThat(browser.waitFor(By.id("subscribe:email-error")).getText()).contains("e-mailovou");
    assertThat(browser.waitFor(By.id("subscribe:consent-error")).getText()).contains("souhlasu");
    assertThat(field("subscribe:email").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(field("subscribe:email").getAttribute("value")).isEqualTo("neni@adresa");
    assertThat(browser.seriousAccessibilityViolations()).as("axe with errors").isEmpty();

    field("subscribe:email").clear();
    field("subscribe:email")
        .sendKeys("prohlizec." + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
    browser.waitFor(By.cssSelector("label[for='subscribe:consent']")).click();
    browser.waitFor(By.id("subscribe:submit")).click();
    assertThat(browser.waitFor(By.id("subscribe-done")).getText()).contains("Zkontrolujte");
  }

  @Test
  void theGroupedNavigationWorksByKeyboardAndOnAPhone() {
    browser.open("/smopk/members").logInAtKeycloak(SMOPK_ADMIN).waitForPath("/smopk/members");
    WebElement admin = browser.waitFor(By.id("nav-admin-heading"));
    assertThat(admin.getTagName()).isEqualTo("button");
    assertThat(admin.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.driver().findElement(By.id("nav-admin")).isDisplayed()).isFalse();
    admin.sendKeys(Keys.ENTER);
    assertThat(admin.getAttribute("aria-expanded")).isEqualTo("true");
    WebElement overview = browser.waitFor(By.id("nav-overview"));
    overview.sendKeys(Keys.ESCAPE);
    assertThat(admin.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
        .isEqualTo("nav-admin-heading");
    assertThat(browser.seriousAccessibilityViolations()).as("axe with the navigation").isEmpty();

    admin.sendKeys(Keys.ENTER);
    browser.waitFor(By.id("nav-overview")).click();
    browser.waitForPath("/smopk/admin");
    assertThat(browser.waitFor(By.id("overview")).getText()).contains("Přihlášky", "Články");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the overview").isEmpty();

    browser.driver().manage().window().setSize(new Dimension(390, 844));
    browser.open("/smopk/");
    WebElement menu = browser.waitFor(By.id("nav-toggle"));
    assertThat(browser.driver().findElement(By.id("nav-groups")).isDisplayed()).isFalse();
    menu.click();
    assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(browser.waitFor(By.id("nav-groups")).isDisplayed()).isTrue();
    browser.open("/smopk/accessibility");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Prohlášení o přístupnosti");
    assertThat(browser.waitFor(By.id("a11y-contact")).getText()).contains("kancelar@smopk.example");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the statement").isEmpty();
  }

  private WebElement field(String id) {
    return browser.waitFor(By.id(id));
  }
}
