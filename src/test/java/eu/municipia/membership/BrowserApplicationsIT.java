package eu.municipia.membership;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The application flow end to end in Chromium: a municipality applies on the public "Join us" page,
 * the applicant's confirmation arrives at the SMTP server, the admin approves or rejects on the
 * applications page, and the decision arrives too.
 */
@MunicipiaIT
class BrowserApplicationsIT {

  private static final By SUBMIT = By.id("join:submit");
  private static final Duration MAIL_PATIENCE = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Browser browser;
  MailServer mail;

  @BeforeEach
  void start() {
    browser = Browser.start(Deployments.base(deployed));
    mail = TestStack.get().mail().start();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void aMunicipalityAppliesOnTheJoinPageAndTheAdminApprovesIt() {
    String email = "starosta@dolni-hradiste.example";
    browser.open("/smopk/");
    browser.navigate("Přidejte se");
    browser.waitForPath("/smopk/join");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the join page").isEmpty();

    browser.clickAndWaitForNextPage(browser.waitFor(SUBMIT));
    browser.waitFor(By.id("join-errors"));
    assertThat(errorOf("municipality")).isEqualTo("Zadejte obec.");
    assertThat(errorOf("applicantName")).isEqualTo("Zadejte své jméno.");
    assertThat(errorOf("email")).startsWith("Zadejte platnou e-mailovou adresu");
    assertThat(errorOf("consent")).startsWith("Bez souhlasu");
    assertThat(field("email").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.seriousAccessibilityViolations()).as("axe with errors").isEmpty();

    field("municipality").sendKeys("dolni hradiste");
    field("applicantName").sendKeys("Jan Dvořák");
    field("applicantRole").sendKeys("starosta");
    field("email").sendKeys(email);
    browser.waitFor(SUBMIT).click();
    assertThat(errorOf("consent")).startsWith("Bez souhlasu");
    assertThat(field("applicantName").getAttribute("value"))
        .as("what was typed stays")
        .isEqualTo("Jan Dvořák");
    assertThat(
            browser.isPresent(By.id("join:email-error"))
                && !browser.driver().findElement(By.id("join:email-error")).getText().isEmpty())
        .isFalse();

    field("consent").click();
    browser.clickAndWaitForNextPage(browser.waitFor(SUBMIT));
    assertThat(browser.waitFor(By.id("join-done")).getText())
        .contains("Dolní Hradiště")
        .contains(email);
    confirmFromTheMail(email);
    assertThat(browser.waitFor(By.id("join-confirmed")).getText()).contains("Dolní Hradiště");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the confirmation").isEmpty();
    mail.await(m -> m.to().equals(email) && m.subject().contains("přijata"), MAIL_PATIENCE);

    browser
        .open("/smopk/admin/applications")
        .logInAtKeycloak(SMOPK_ADMIN)
        .waitForPath("/smopk/admin/applications");
    WebElement row = browser.waitFor(waiting("558800"));
    assertThat(row.getText()).contains("Dolní Hradiště", "Jan Dvořák", email);
    assertThat(browser.seriousAccessibilityViolations()).as("axe on applications").isEmpty();

    browser.clickAndWaitForNextPage(row.findElement(By.cssSelector("input.approve")));
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Přihláška obce Dolní Hradiště byla schválena");
    assertThat(browser.waitFor(decided("558800")).getText()).contains("schválena");
    assertThat(browser.isPresent(waiting("558800"))).isFalse();
    mail.await(m -> m.to().equals(email) && m.subject().contains("je členem"), MAIL_PATIENCE);

    browser.open("/smopk/directory?q=hradiste");
    assertThat(browser.waitFor(By.cssSelector("#members tr[data-code='558800']")).getText())
        .contains("Dolní Hradiště");
  }

  @Test
  void aNameThatTwoMunicipalitiesShareAsksForTheDistrict() {
    importDolanyOfKlatovy();
    browser.open("/smopk/join?lang=en");
    field("municipality").sendKeys("Dolany");
    field("applicantName").sendKeys("Marie Malá");
    field("email").sendKeys("starostka@dolany.example");
    field("consent").click();
    browser.waitFor(SUBMIT).click();

    assertThat(errorOf("municipality"))
        .startsWith("Several municipalities have this name")
        .contains("Dolany (Klatovy, 556106)", "Dolany (Plzeň-sever, 558788)");

    field("municipality").clear();
    field("municipality").sendKeys("Dolany (Klatovy)");
    browser.clickAndWaitForNextPage(browser.waitFor(SUBMIT));
    assertThat(browser.waitFor(By.id("join-done")).getText()).contains("Dolany");
    confirmFromTheMail("starostka@dolany.example");
    browser.waitFor(By.id("join-confirmed"));
    MailServer.Mail confirmation =
        mail.await(
            m -> m.to().equals("starostka@dolany.example") && m.subject().contains("received"),
            MAIL_PATIENCE);
    assertThat(confirmation.subject()).contains("application of Dolany received");
  }

  @Test
  void aRejectionNeedsAReasonBesideTheField() {
    String email = "starosta@kacerov.example";
    browser.open("/smopk/join");
    field("municipality").sendKeys("Kaceřov (Plzeň-sever)");
    field("applicantName").sendKeys("Petr Veselý");
    field("email").sendKeys(email);
    field("consent").click();
    browser.clickAndWaitForNextPage(browser.waitFor(SUBMIT));
    browser.waitFor(By.id("join-done"));
    confirmFromTheMail(email);
    browser.waitFor(By.id("join-confirmed"));

    browser
        .open("/smopk/admin/applications")
        .logInAtKeycloak(SMOPK_ADMIN)
        .waitForPath("/smopk/admin/applications");
    browser.clickAndWaitForNextPage(
        browser.waitFor(waiting("558991")).findElement(By.cssSelector("input.reject")));
    WebElement row = browser.waitFor(waiting("558991"));
    assertThat(row.findElement(By.cssSelector("p.error")).getText())
        .startsWith("Uveďte důvod zamítnutí");

    row.findElement(By.cssSelector("input[id$=':reason']"))
        .sendKeys("Obec už je členem jiného sdružení.");
    browser.clickAndWaitForNextPage(row.findElement(By.cssSelector("input.reject")));
    assertThat(browser.waitFor(decided("558991")).getText())
        .contains("zamítnuta: Obec už je členem jiného sdružení.");
    MailServer.Mail told =
        mail.await(
            m -> m.to().equals(email) && m.subject().contains("nebyla přijata"), MAIL_PATIENCE);
    assertThat(told.body()).contains("Důvod: Obec už je členem jiného sdružení.");
  }

  /** Opens the link of the confirmation mail, as the applicant does, and confirms. */
  private void confirmFromTheMail(String email) {
    MailServer.Mail toConfirm =
        mail.await(m -> m.to().equals(email) && m.body().contains("token="), MAIL_PATIENCE);
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("http\\S+/join/confirm\\?token=[A-Za-z0-9_-]{43}")
            .matcher(toConfirm.body());
    assertThat(link.find()).as(toConfirm.body()).isTrue();
    browser.driver().get(link.group());
    browser.waitFor(By.id("confirm:confirm-button")).click();
  }

  private WebElement field(String name) {
    return browser.waitFor(By.id("join:" + name));
  }

  private String errorOf(String name) {
    return browser.waitFor(By.id("join:" + name + "-error")).getText();
  }

  private static By waiting(String code) {
    return By.cssSelector("#waiting tr[data-code='" + code + "']");
  }

  private static By decided(String code) {
    return By.cssSelector("#decided tr[data-code='" + code + "']");
  }

  private void importDolanyOfKlatovy() {
    // Exactly the full table's row: two Dolany in the Plzeň region, as in reality.
    String csv =
        "code,name,district,region,population,lat,lon\n"
            + "556106,Dolany,Klatovy,Plzeňský kraj,979,49.443368,13.248222\n";
    Api.Response r =
        new Api(Deployments.base(deployed))
            .post(
                "/api/v1/platform/municipalities/imports?year=2025",
                Tokens.accessToken(PLATFORM_ADMIN),
                "text/csv",
                csv);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
