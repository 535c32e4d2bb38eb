package eu.municipia.membership;

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
 * Officials in Chromium: the admin adds one on the member's page and invites them; the invitee sets
 * a password through Keycloak's own e-mail and logs in as the member official. And the admin's
 * personal-data page, which erases only after a confirmation.
 */
@MunicipiaIT
class BrowserOfficialsIT {

  private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S*action-token\\S*");
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
  void anInvitedOfficialSetsAPasswordAndLogsInAsTheMembersOfficial() {
    String email = "mistostarosta@chrast.example";
    browser
        .open("/smopk/members/directory")
        .logInAtKeycloak(SMOPK_ADMIN)
        .waitForPath("/smopk/members/directory");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on contacts").isEmpty();
    browser.waitFor(By.id("q")).sendKeys("chrast");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("search-button")));
    browser.clickAndWaitForNextPage(browser.waitFor(By.linkText("Chrást")));
    browser.waitForPath("/smopk/admin/member");
    assertThat(browser.waitFor(By.id("member-name")).getText()).isEqualTo("Chrást");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the member").isEmpty();

    browser.clickAndWaitForNextPage(browser.waitFor(By.id("official:add")));
    assertThat(browser.waitFor(By.id("official:name-error")).getText()).startsWith("Zadejte jméno");

    new Select(browser.waitFor(By.id("official:role"))).selectByValue("DEPUTY_MAYOR");
    browser.waitFor(By.id("official:name")).sendKeys("Tomáš Vlček");
    browser.waitFor(By.id("official:email")).sendKeys(email);
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("official:add")));
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Představitel byl přidán.");
    WebElement row = browser.waitFor(By.xpath("//tr[th[normalize-space()='Tomáš Vlček']]"));
    assertThat(row.getText()).contains("místostarosta", email);

    browser.clickAndWaitForNextPage(row.findElement(By.cssSelector("input.invite")));
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Pozvánka byla odeslána na " + email);

    MailServer.Mail ours =
        mail.await(m -> m.to().equals(email) && m.subject().contains("pozvánka"), MAIL_PATIENCE);
    assertThat(ours.body()).contains("Chrást", "/smopk/members");
    MailServer.Mail keycloaks =
        mail.await(
            m -> m.to().equals(email) && ACTION_LINK.matcher(m.body()).find(), MAIL_PATIENCE);
    Matcher link = ACTION_LINK.matcher(keycloaks.body());
    assertThat(link.find()).isTrue();

    try (Browser invitee = Browser.start(Deployments.base(deployed))) {
      invitee.driver().get(link.group());
      if (!invitee.isPresent(By.id("password-new"))) {
        // Keycloak first lists the actions to perform, with a link to proceed.
        invitee.waitFor(By.cssSelector("a[href*='action-token']")).click();
      }
      invitee.waitFor(By.id("password-new")).sendKeys("Pozvanka-2026");
      invitee.waitFor(By.id("password-confirm")).sendKeys("Pozvanka-2026");
      invitee.clickAndWaitForNextPage(
          invitee.driver().findElement(By.cssSelector("[type=submit]")));
      invitee.waitFor(By.tagName("body"));

      invitee.open("/smopk/members");
      if (!invitee.isAt("/smopk/members")) {
        invitee.logInAtKeycloak(email, "Pozvanka-2026");
      }
      invitee.waitForPath("/smopk/members");
      assertThat(invitee.waitFor(By.id("caller-name")).getText()).isEqualTo("Tomáš Vlček");
      assertThat(invitee.isPresent(By.cssSelector("#roles li[data-role='member-official']")))
          .isTrue();
    }
  }

  @Test
  void anAdminAddsAMemberOnThePageThenSuspendsReinstatesAndEndsIt() {
    browser
        .open("/smopk/members/directory")
        .logInAtKeycloak(SMOPK_ADMIN)
        .waitForPath("/smopk/members/directory");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("add-member")));
    browser.waitForPath("/smopk/admin/member");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on adding a member").isEmpty();

    browser.clickAndWaitForNextPage(browser.waitFor(By.id("member:add")));
    assertThat(browser.waitFor(By.id("member:newKey-error")).getText())
        .startsWith("Zadejte šestimístný kód obce");
    assertThat(browser.waitFor(By.id("member:newSince-error")).getText())
        .isEqualTo("Zadejte datum.");

    browser.waitFor(By.id("member:newKey")).sendKeys("530239"); // Bílov, 90 inhabitants
    setDate("member:newSince", "2026-01-01");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("member:add")));
    assertThat(browser.waitFor(By.id("member-name")).getText()).isEqualTo("Bílov");
    assertThat(browser.waitFor(By.id("member-status")).getText()).contains("aktivní člen");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the member").isEmpty();

    browser.waitFor(By.id("status:reason")).sendKeys("Neuhrazené příspěvky");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("status:suspend")));
    assertThat(browser.waitFor(By.id("member-status")).getText()).contains("členství pozastaveno");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("status:reinstate")));
    assertThat(browser.waitFor(By.id("member-status")).getText()).contains("aktivní člen");

    browser.clickAndWaitForNextPage(browser.waitFor(By.id("status:end")));
    assertThat(browser.waitFor(By.id("status:until-error")).getText()).isEqualTo("Zadejte datum.");
    setDate("status:until", "2026-06-30");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("status:end")));
    assertThat(browser.waitFor(By.id("member-status")).getText()).contains("bývalý člen");
  }

  /** Date inputs take keys in the browser's locale order; the value itself is unambiguous. */
  private void setDate(String id, String isoDate) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].value = arguments[1];", browser.waitFor(By.id(id)), isoDate);
  }

  @Test
  void thePersonalDataPageErasesOnlyAfterConfirmation() {
    String email = "kontakt@nezvestice.example";
    Api api = new Api(Deployments.base(deployed));
    Api.Response added =
        api.post(
            "/api/v1/tenants/smopk/members/558141/officials",
            Tokens.accessToken(SMOPK_ADMIN),
            "application/json",
            OfficialsIT.official("CONTACT", "Alena Černá", email, null, null));
    assertThat(added.status()).as(added.body()).isEqualTo(201);

    browser
        .open("/smopk/admin/privacy")
        .logInAtKeycloak(SMOPK_ADMIN)
        .waitForPath("/smopk/admin/privacy");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on privacy").isEmpty();
    browser.waitFor(By.id("privacy:email")).sendKeys(email);
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("privacy:search")));
    assertThat(browser.waitFor(By.id("found-officials")).getText()).isEqualTo("1");

    browser.clickAndWaitForNextPage(browser.waitFor(By.id("privacy:erase")));
    assertThat(browser.waitFor(By.id("privacy:confirm-error")).getText()).startsWith("Potvrďte");
    browser.waitFor(By.id("privacy:confirm")).click();
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("privacy:erase")));
    assertThat(browser.waitFor(By.cssSelector(".messages")).getText())
        .contains("Vymazáno: záznamů představitelů 1");

    browser.clickAndWaitForNextPage(browser.waitFor(By.id("privacy:search")));
    assertThat(browser.waitFor(By.id("found-officials")).getText()).isEqualTo("0");
  }
}
