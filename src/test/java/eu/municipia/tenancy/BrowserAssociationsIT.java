package eu.municipia.tenancy;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.MunicipiaIT;
import java.net.URL;
import java.util.UUID;
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
  void thePlatformAdminCreatesSuspendsAndReactivatesAnAssociation() {
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
  }

  private WebElement field(String name) {
    return browser.waitFor(By.id("association:" + name));
  }

  private WebElement row(String slug) {
    return browser.waitFor(By.cssSelector("#associations tr[data-slug='" + slug + "']"));
  }
}
