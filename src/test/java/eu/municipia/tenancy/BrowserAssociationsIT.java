package eu.municipia.tenancy;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.MunicipiaIT;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The platform admin's associations page in Chromium: a mistake is named beside its field and what
 * was typed stays; the association is created (its Organization has its first admin), then
 * suspended (its home page says so) and reactivated. axe-core finds nothing serious.
 */
@MunicipiaIT
class BrowserAssociationsIT {

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
  void thePlatformAdminCreatesSuspendsAndReactivatesAnAssociation() throws IOException {
    String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
    browser
        .open("/platform/associations")
        .logInAtKeycloak(PLATFORM_ADMIN)
        .waitForPath("/platform/associations");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the page").isEmpty();

    field("slug").sendKeys("Špatně");
    field("nameCs").sendKeys("Sdružení obcí " + slug);
    field("nameEn").sendKeys("Association " + slug);
    new Select(field("parent")).selectByValue("smocr");
    new Select(field("region")).selectByValue("Plzeňský kraj");
    field("adminEmail").sendKeys(slug + "@example.org");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("association:create")));
    assertThat(browser.waitFor(By.id("association:slug-error")).getText())
        .startsWith("Zkratka smí mít jen malá písmena");
    assertThat(field("slug").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(field("nameCs").getAttribute("value")).isEqualTo("Sdružení obcí " + slug);
    assertThat(browser.seriousAccessibilityViolations()).as("axe with an error").isEmpty();

    field("slug").clear();
    field("slug").sendKeys(slug);
    // The logo in the same form: a file that is no image is refused beside its field, with nothing
    // created; a PNG goes with the association to its pages.
    Path files = Files.createTempDirectory("association-logo");
    Path notAnImage = files.resolve("logo.png");
    Files.writeString(notAnImage, "<html><script>alert(1)</script></html>", StandardCharsets.UTF_8);
    field("logo").sendKeys(notAnImage.toString());
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("association:create")));
    assertThat(browser.waitFor(By.id("association:logo-error")).getText())
        .contains("PNG nebo JPEG");
    assertThat(field("logo").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(field("slug").getAttribute("value")).isEqualTo(slug);
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("#associations tr[data-slug='" + slug + "']")))
        .isEmpty();
    Path png = files.resolve("logo-ok.png");
    Files.write(png, BrandingIT.png(120, 40));
    field("logo").sendKeys(png.toString());
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("association:create")));
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Sdružení obcí " + slug + " je vytvořeno");
    assertThat(KeycloakAdmin.organizationMembers(slug)).containsExactly(slug + "@example.org");

    browser.clickAndWaitForNextPage(row(slug).findElement(By.cssSelector("input.suspend")));
    assertThat(row(slug).findElement(By.cssSelector(".status")).getText()).isEqualTo("Pozastavené");
    browser.open("/" + slug + "/");
    assertThat(browser.waitFor(By.id("error-message")).getText()).contains("pozastavena");

    browser.open("/platform/associations");
    browser.clickAndWaitForNextPage(row(slug).findElement(By.cssSelector("input.reactivate")));
    assertThat(row(slug).findElement(By.cssSelector(".status")).getText()).isEqualTo("Činné");
    browser.open("/" + slug + "/");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).contains("Sdružení obcí " + slug);
    assertThat(browser.waitFor(By.id("site-logo")).getAttribute("alt"))
        .isEqualTo("Sdružení obcí " + slug);
    // The uploaded PNG is what the page shows (decoded at its own size, 120 pixels wide).
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "var i = document.getElementById('site-logo');"
                                + " return i.complete && i.naturalWidth === 120;"));
  }

  private WebElement field(String name) {
    return browser.waitFor(By.id("association:" + name));
  }

  private WebElement row(String slug) {
    return browser.waitFor(By.cssSelector("#associations tr[data-slug='" + slug + "']"));
  }
}
