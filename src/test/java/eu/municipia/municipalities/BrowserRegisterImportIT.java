package eu.municipia.municipalities;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The platform admin's import page in Chromium: the table is uploaded, the progress bar runs to the
 * end and the report shows what changed; a malformed file is refused beside the file field.
 */
@MunicipiaIT
class BrowserRegisterImportIT {

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
  void aPlatformAdminImportsTheTableAndWatchesTheProgressToTheReport() throws IOException {
    // The full table where the shared data is present (13 batches), else the project's demo set.
    Path full =
        Path.of(System.getProperty("shared.data.dir", "../shared/data"), "cz-municipalities.csv");
    Path table =
        Files.isRegularFile(full)
            ? full
            : Path.of("src/main/resources/demo/cz-municipalities-demo.csv");
    long rows = Files.readAllLines(table).size() - 1;

    browser
        .open("/platform/register")
        .logInAtKeycloak(PLATFORM_ADMIN)
        .waitForPath("/platform/register");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the import page").isEmpty();

    browser.waitFor(By.id("import-button")).click();
    assertThat(browser.waitFor(By.id("file-error")).getText())
        .isEqualTo("Vyberte soubor s tabulkou.");

    browser
        .driver()
        .findElement(By.id("file"))
        .sendKeys(table.toAbsolutePath().normalize().toString());
    browser.waitFor(By.id("year")).clear();
    browser.waitFor(By.id("year")).sendKeys("2025");
    browser.waitFor(By.id("import-button")).click();

    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(d -> d.findElement(By.id("report")).isDisplayed());
    assertThat(browser.waitFor(By.id("progress")).getAttribute("value"))
        .isEqualTo(String.valueOf(rows));
    assertThat(browser.waitFor(By.id("progress")).getAttribute("max"))
        .isEqualTo(String.valueOf(rows));
    assertThat(
            browser
                .waitFor(By.cssSelector("#report [data-field='rowsRead']"))
                .getText()
                .replaceAll("\\D", ""))
        .isEqualTo(String.valueOf(rows));
    assertThat(browser.waitFor(By.id("progress-text")).getText()).startsWith("Hotovo.");
    assertThat(browser.seriousAccessibilityViolations()).as("axe with the report").isEmpty();
  }

  @Test
  void aMalformedTableIsRefusedBesideTheFileField() throws IOException {
    Path bad = Files.createTempFile("malformed", ".csv");
    Files.writeString(
        bad,
        "code,name,district,region,population,lat,lon\n"
            + "999101,Vadnice,Rokycany,Plzeňský kraj,sto,49.9,13.7\n");
    browser
        .open("/platform/register")
        .logInAtKeycloak(PLATFORM_ADMIN)
        .waitForPath("/platform/register");
    browser.driver().findElement(By.id("file")).sendKeys(bad.toString());
    browser.waitFor(By.id("import-button")).click();

    assertThat(browser.waitFor(By.id("file-error")).getText()).startsWith("Line 2, column 5");
    assertThat(browser.driver().findElement(By.id("file")).getAttribute("aria-invalid"))
        .isEqualTo("true");
  }

  /** A country the platform does not know needs its terms: each missing one beside its field. */
  @Test
  void aNewCountrysTermsAreRefusedBesideTheirFields() throws IOException {
    Path table = Files.createTempFile("austria", ".csv");
    Files.writeString(
        table,
        "code,name,district,region,population,lat,lon\n"
            + "10101,Eisenstadt,Eisenstadt,Burgenland,15000,47.85,16.52\n");
    browser
        .open("/platform/register")
        .logInAtKeycloak(PLATFORM_ADMIN)
        .waitForPath("/platform/register");
    assertThat(browser.waitFor(By.cssSelector("#countries tr[data-country='SK']")).getText())
        .contains("okres, okresu, okrese, okresy, okresů", "ŠÚ SR");
    browser.waitFor(By.id("country")).clear();
    browser.waitFor(By.id("country")).sendKeys("AT");
    browser.waitFor(By.id("nameCs")).sendKeys("Rakousko");
    browser.waitFor(By.id("districtCs")).sendKeys("okres, okresy, okresů");
    browser.driver().findElement(By.id("file")).sendKeys(table.toString());
    browser.waitFor(By.id("import-button")).click();

    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(d -> !d.findElement(By.id("districtCs-error")).getText().isEmpty());
    assertThat(browser.waitFor(By.id("districtCs-error")).getText()).contains(",");
    assertThat(browser.waitFor(By.id("nameEn-error")).getText()).isNotEmpty();
    assertThat(browser.driver().findElement(By.id("nameCs-error")).getText())
        .as("given right")
        .isEmpty();
    assertThat(browser.driver().findElement(By.id("districtCs")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.seriousAccessibilityViolations()).as("axe with the field errors").isEmpty();
  }

  @Test
  void anAssociationAdminIsRefusedThePlatformPage() {
    browser
        .open("/platform/register")
        .logInAtKeycloak(SMOPK_ADMIN)
        .waitForPath("/platform/register");
    assertThat(browser.status()).isEqualTo(403);
    assertThat(browser.isPresent(By.id("register-import"))).isFalse();
  }
}
