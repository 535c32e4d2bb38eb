package eu.municipia.tenancy;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * An association's look in Chromium: its pages show the logo (loaded, its text alternative the
 * association's name) and take its colour from its style sheet without breaking the
 * Content-Security-Policy; its admin changes colour and logo on the site page, where a colour too
 * light for white text and an HTML file named .png are refused beside their fields. axe-core finds
 * nothing serious.
 */
@MunicipiaIT
class BrowserBrandingIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  @TempDir Path files;
  Browser browser;
  Api api;

  @BeforeEach
  void start() {
    api = new Api(Deployments.base(deployed));
    browser = Browser.start(Deployments.base(deployed));
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void theLogoAndColourAreOnTheAssociationsPagesAndItsAdminChangesThem() throws Exception {
    String slug = BrandingIT.slug();
    String name = "Sdružení obcí " + slug;
    Api.Response created =
        api.post(
            BrandingIT.API,
            Tokens.accessToken(PLATFORM_ADMIN),
            "application/json",
            Json.createObjectBuilder()
                .add("slug", slug)
                .add("nameCs", name)
                .add("nameEn", "Association " + slug)
                .add("kind", "ASSOCIATION")
                .add("parent", "smocr")
                .add("region", "Plzeňský kraj")
                .add("adminEmail", slug + "-first@example.org")
                .add("accentColor", "#6b2c91")
                .add("logo", Base64.getEncoder().encodeToString(BrandingIT.png(180, 60)))
                .build()
                .toString());
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    browser.open("/" + slug + "/");
    WebElement logo = browser.waitFor(By.id("site-logo"));
    assertThat(logo.getAttribute("alt")).isEqualTo(name);
    assertThat(naturalWidth(logo)).as("the logo loaded").isEqualTo(180);
    assertThat(browser.waitFor(By.id("login")).getCssValue("background-color"))
        .as("the association's colour")
        .isEqualTo("rgba(107, 44, 145, 1)");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the home page").isEmpty();
    assertThat(browser.contentSecurityViolations()).isEmpty();

    try (KeycloakAdmin.TestUser admin =
        KeycloakAdmin.createMember(slug, slug + "-admin", Tokens.PASSWORD)) {
      BrandingIT.grantAdmin(slug, admin);
      browser
          .open("/" + slug + "/admin/site")
          .logInAtKeycloak(admin.username())
          .waitForPath("/" + slug + "/admin/site");
      browser.waitFor(By.id("site:save"));
      assertThat(naturalWidth(browser.driver().findElement(By.id("current-logo"))))
          .as("the current logo, loaded with the admin's session")
          .isEqualTo(180);

      setColour("#ffee00");
      browser.clickAndWaitForNextPage(browser.waitFor(By.id("site:save")));
      assertThat(browser.waitFor(By.id("site:accentColor-error")).getText()).contains("4,5 : 1");
      assertThat(
              browser.driver().findElement(By.id("site:accentColor")).getAttribute("aria-invalid"))
          .isEqualTo("true");

      Path html = files.resolve("logo.png");
      Files.writeString(html, "<html><script>alert(1)</script></html>", StandardCharsets.UTF_8);
      browser.driver().findElement(By.id("logo:file")).sendKeys(html.toString());
      browser.waitFor(By.id("logo:upload")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(
              browser.driver(), java.time.Duration.ofSeconds(20))
          .until(d -> !d.findElement(By.id("logo:file-error")).getText().isEmpty());
      assertThat(browser.driver().findElement(By.id("logo:file-error")).getText())
          .contains("PNG nebo JPEG");
      assertThat(browser.driver().findElement(By.id("logo:file")).getAttribute("aria-invalid"))
          .isEqualTo("true");
      assertThat(browser.seriousAccessibilityViolations()).as("axe with the errors").isEmpty();

      setColour("#1d5e20");
      browser.clickAndWaitForNextPage(browser.waitFor(By.id("site:save")));
      assertThat(browser.waitFor(By.cssSelector(".messages")).getText()).contains("uloženy");
      Path png = files.resolve("new-logo.png");
      Files.write(png, BrandingIT.png(90, 30));
      browser.driver().findElement(By.id("logo:file")).sendKeys(png.toString());
      browser.clickAndWaitForNextPage(browser.waitFor(By.id("logo:upload")));
      assertThat(browser.waitFor(By.cssSelector(".messages")).getText()).contains("Logo");
      assertThat(naturalWidth(browser.waitFor(By.id("site-logo")))).isEqualTo(90);
      assertThat(browser.waitFor(By.id("site:save")).getCssValue("background-color"))
          .isEqualTo("rgba(29, 94, 32, 1)");
      assertThat(browser.contentSecurityViolations()).isEmpty();
    }
  }

  private void setColour(String colour) {
    WebElement input = browser.waitFor(By.id("site:accentColor"));
    ((JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", input, colour);
  }

  private long naturalWidth(WebElement image) {
    return (Long)
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const img = arguments[0], done = arguments[1];"
                    + " if (img.complete) { done(img.naturalWidth); }"
                    + " else { img.onload = () => done(img.naturalWidth);"
                    + " img.onerror = () => done(0); }",
                image);
  }
}
