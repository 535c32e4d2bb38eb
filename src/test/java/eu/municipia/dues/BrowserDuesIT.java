package eu.municipia.dues;

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
 * The dues pages in Chromium: the admin sets the rate of 2032 (a mistake is named beside its
 * field), records a payment and cancels one recorded by mistake; a member official sees every
 * member's dues and finds one by name without accents. axe-core finds nothing serious on either
 * page. 2032 is this test's year; both tests leave it at the same rate.
 */
@MunicipiaIT
class BrowserDuesIT {

  private static final String ADMIN_PAGE = "/smopk/admin/dues";
  private static final String MEMBERS_PAGE = "/smopk/members/dues";
  private static final String CILA = "540927";
  private static final String PLZEN = "554791";

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
  void theAdminSetsTheRateRecordsAPaymentAndCancelsAMistake() {
    browser.open(ADMIN_PAGE + "?year=2032").logInAtKeycloak(SMOPK_ADMIN).waitForPath(ADMIN_PAGE);
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Správa příspěvků 2032");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the admin page").isEmpty();

    field("rate:ratePerInhabitant").clear();
    field("rate:ratePerInhabitant").sendKeys("2,00");
    field("rate:minimum").clear();
    field("rate:minimum").sendKeys("500");
    field("rate:maximum").clear();
    field("rate:maximum").sendKeys("400");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("rate:save")));
    assertThat(browser.waitFor(By.id("rate:maximum-error")).getText())
        .isEqualTo("Nejvyšší příspěvek nesmí být nižší než nejnižší.");
    assertThat(field("rate:maximum").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(field("rate:ratePerInhabitant").getAttribute("value"))
        .as("what was typed stays")
        .isEqualTo("2,00");
    assertThat(browser.seriousAccessibilityViolations()).as("axe with an error").isEmpty();

    field("rate:maximum").clear();
    field("rate:maximum").sendKeys("100 000");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("rate:save")));
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Sazba na rok 2032 je uložena");
    assertThat(browser.waitFor(By.id("rate-summary")).getText())
        .isEqualTo("Sazba na rok 2032: 2,00 Kč na obyvatele, nejméně 500 Kč, nejvýše 100 000 Kč.");
    assertThat(cell(CILA, "dues")).isEqualTo("500 Kč");
    assertThat(cell(PLZEN, "population")).isEqualTo("187 928");
    assertThat(cell(PLZEN, "population-year")).isEqualTo("2025");
    assertThat(cell(PLZEN, "dues")).isEqualTo("100 000 Kč");

    String cilaPaid = cell(CILA, "paid");
    record(CILA, "50");
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Platba obce Čilá ve výši 50 Kč je zaznamenána.");
    record(CILA, "500");
    assertThat(cell(CILA, "balance")).isEqualTo(balanceAfter(cilaPaid, 550));
    assertThat(browser.seriousAccessibilityViolations()).as("axe with payments").isEmpty();

    WebElement mistake = payment(CILA, "50 Kč");
    mistake.findElement(By.cssSelector("input[id$=':reason']")).sendKeys("zapsáno omylem");
    browser.clickAndWaitForNextPage(mistake.findElement(By.cssSelector("input.cancel")));
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Platba obce Čilá ve výši 50 Kč je stornována.");
    assertThat(payment(CILA, "50 Kč").getText()).contains("stornováno", "zapsáno omylem");
    assertThat(cell(CILA, "balance")).isEqualTo(balanceAfter(cilaPaid, 500));
  }

  @Test
  void aMemberOfficialSeesEveryMembersDuesAndFindsOneWithoutAccents() {
    Api.Response rate =
        new Api(Deployments.base(deployed))
            .put(
                "/api/v1/tenants/smopk/dues/2032/rate",
                Tokens.accessToken(SMOPK_ADMIN),
                "application/json",
                "{\"ratePerInhabitant\":2.00,\"minimum\":500,\"maximum\":100000}");
    assertThat(rate.status()).as(rate.body()).isIn(200, 201);

    browser.clickAndWaitForNextPage(browser.open("/smopk/").waitFor(By.id("login")));
    browser.logInAtKeycloak(SMOPK_OFFICIAL).waitForPath("/smopk/members");
    browser.navigate("Členské příspěvky");
    browser.waitForPath(MEMBERS_PAGE);
    new Select(browser.waitFor(By.id("year"))).selectByValue("2032");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("show")));
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Členské příspěvky 2032");
    assertThat(cell(CILA, "dues")).isEqualTo("500 Kč");
    assertThat(cell(PLZEN, "dues")).isEqualTo("100 000 Kč");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the members page").isEmpty();

    WebElement before = browser.waitFor(By.id("dues"));
    browser.waitFor(By.id("q")).sendKeys("cila");
    browser.waitFor(By.id("show")).click();
    // The filtered page replaces this one: read its rows, not the old page's.
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver(), java.time.Duration.ofSeconds(30))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
    List<WebElement> rows = browser.driver().findElements(By.cssSelector("#dues tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getAttribute("data-code")).isEqualTo(CILA);
    assertThat(browser.waitFor(By.id("totals")).getText()).startsWith("Celkem (obcí: 1)");
    assertThat(browser.driver().findElement(By.cssSelector("#totals .dues")).getText())
        .isEqualTo("500 Kč");
    assertThat(browser.isPresent(By.linkText("Správa příspěvků"))).as("no admin link").isFalse();
  }

  private WebElement field(String id) {
    return browser.waitFor(By.id(id));
  }

  private String cell(String code, String column) {
    return browser
        .waitFor(By.cssSelector("#dues tr[data-code='" + code + "'] td." + column))
        .getText();
  }

  private void record(String code, String amount) {
    new Select(field("payment:code")).selectByValue(code);
    field("payment:amount").sendKeys(amount);
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("payment:record")));
    browser.waitFor(By.cssSelector(".messages"));
  }

  /** The newest payment of this municipality with this amount in the list of payments. */
  private WebElement payment(String code, String amount) {
    return browser
        .driver()
        .findElements(By.cssSelector("#payment-list tr[data-code='" + code + "']"))
        .stream()
        .filter(row -> row.findElement(By.cssSelector(".amount")).getText().equals(amount))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no payment of " + amount + " by " + code));
  }

  /** Čilá owes 500; what remains after what it had paid before plus this test's payments. */
  private static String balanceAfter(String paidBefore, int paidNow) {
    int before = Integer.parseInt(paidBefore.replaceAll("[^0-9]", ""));
    return (500 - before - paidNow) + " Kč";
  }
}
