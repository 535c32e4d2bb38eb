package eu.municipia.seminars;

import static eu.municipia.seminars.SeminarApi.MAIL_PATIENCE;
import static eu.municipia.seminars.SeminarApi.PRAGUE;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import java.net.URL;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Seminars in Chromium, as people use them, with axe-core finding nothing serious on any page: a
 * visitor registers for a public event, confirms from the mail, and cancels from the personal link
 * in the next mail; a member official registers colleagues; the admin creates an event (a mistake
 * named beside its field) and checks a person in with the link of the QR code on their ticket and
 * by name.
 */
@MunicipiaIT
class BrowserSeminarsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Browser browser;
  SeminarApi seminars;
  MailServer mail;
  String run;

  @BeforeEach
  void start() {
    browser = Browser.start(Deployments.base(deployed));
    seminars = new SeminarApi(new Api(Deployments.base(deployed)), Tokens.accessToken(SMOPK_ADMIN));
    mail = TestStack.get().mail().start();
    run = UUID.randomUUID().toString().substring(0, 6);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void aVisitorRegistersConfirmsFromTheMailAndCancelsFromThePersonalLink() {
    String title = "Veřejný seminář " + run;
    UUID event = seminars.create(seminars.event(title, 20, 15, "PUBLIC"));
    String email = "navstevnik-" + run + "@obec.example";

    browser.open("/smopk/seminars");
    assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Semináře a akce");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the list").isEmpty();
    browser.clickAndWaitForNextPage(browser.waitFor(By.linkText(title)));
    browser.waitForPath("/smopk/seminars/event");
    assertThat(browser.waitFor(By.id("event-title")).getText()).isEqualTo(title);
    assertThat(browser.waitFor(By.id("places")).getText()).contains("Volných míst: 20 z 20");
    assertThat(browser.waitFor(By.id("add-to-calendar")).getAttribute("href"))
        .endsWith("/seminars/" + event + "/calendar.ics");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the event").isEmpty();

    browser.clickAndWaitForNextPage(browser.waitFor(By.id("register")));
    browser.waitForPath("/smopk/seminars/register");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the form").isEmpty();
    // An address the browser takes (it checks type=email itself) but the app does not: no dot.
    browser.waitFor(By.id("register:people:0:email")).sendKeys("jiri@obec");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("register:submit")));
    assertThat(browser.waitFor(By.id("register:people:0:name-error")).getText())
        .isEqualTo("Vyplňte jméno a příjmení.");
    assertThat(browser.waitFor(By.id("register:people:0:email-error")).getText())
        .startsWith("Zadejte jednu e-mailovou adresu");
    assertThat(
            browser
                .driver()
                .findElement(By.id("register:people:0:email"))
                .getAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.waitFor(By.id("register:consent-error")).getText()).isNotBlank();
    assertThat(browser.seriousAccessibilityViolations()).as("axe with errors").isEmpty();

    browser.waitFor(By.id("register:people:0:name")).sendKeys("Jiří Šťastný");
    browser.driver().findElement(By.id("register:people:0:email")).clear();
    browser.driver().findElement(By.id("register:people:0:email")).sendKeys(email);
    browser.driver().findElement(By.id("register:consent")).click();
    browser.clickAndWaitForNextPage(browser.driver().findElement(By.id("register:submit")));
    assertThat(browser.waitFor(By.id("register-done")).getText())
        .contains("Zkontrolujte prosím svou e-mailovou schránku");

    String confirm = SeminarApi.token(mail, email, "/seminars/confirm", "potvrďte");
    browser.open("/smopk/seminars/confirm?token=" + confirm);
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("confirm:confirm-button")));
    assertThat(browser.waitFor(By.id("confirmed")).getText()).contains("Přihláška je potvrzena");

    String manage = SeminarApi.token(mail, email, "/seminars/registration", "je potvrzena");
    browser.open("/smopk/seminars/registration?token=" + manage);
    assertThat(browser.waitFor(By.id("status")).getText()).contains("potvrzená");
    assertThat(browser.waitFor(By.id("people")).getText()).contains("Jiří Šťastný");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the registration").isEmpty();
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("cancel-form:cancel-all")));
    assertThat(browser.waitFor(By.id("notices")).getText()).contains("Přihláška je zrušena");
    assertThat(browser.waitFor(By.id("status")).getText()).contains("zrušená");
    mail.await(m -> m.to().equals(email) && m.subject().contains("je zrušena"), MAIL_PATIENCE);
  }

  @Test
  void aMemberOfficialRegistersColleaguesAndTheTicketShowsItsCode() {
    String title = "Workshop pro členy " + run;
    UUID event = seminars.create(seminars.event(title, 10, 16, "MEMBERS"));
    browser.open("/smopk/members/seminars/register?id=" + event).logInAtKeycloak(SMOPK_OFFICIAL);
    browser.waitForPath("/smopk/members/seminars/register");
    assertThat(browser.waitFor(By.tagName("body")).getText())
        .contains("Přihlašujete zástupce obce Čilá");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the members' form").isEmpty();
    String colleague = "kolegyne-" + run + "@cila.example";
    browser.waitFor(By.id("register:people:1:name")).sendKeys("Marie Králová");
    browser.driver().findElement(By.id("register:people:1:email")).sendKeys(colleague);
    browser.driver().findElement(By.id("register:people:1:role")).sendKeys("účetní");
    browser.driver().findElement(By.id("register:consent")).click();
    browser.clickAndWaitForNextPage(browser.driver().findElement(By.id("register:submit")));
    assertThat(browser.waitFor(By.id("register-done")).getText())
        .contains("Přihláška je potvrzena");

    MailServer.Mail ticket =
        mail.await(
            m -> m.to().equals(colleague) && m.subject().contains("vstupenka"), MAIL_PATIENCE);
    String token = SeminarApi.token(ticket, "/seminars/ticket");
    browser.open("/smopk/seminars/ticket?token=" + token);
    assertThat(browser.waitFor(By.id("ticket-name")).getText()).isEqualTo("Marie Králová");
    assertThat(browser.waitFor(By.id("checkin-code")).getText()).matches("[0-9A-Z]{8}");
    assertThat(browser.isPresent(By.cssSelector("svg.qr"))).isTrue();
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the ticket").isEmpty();
  }

  @Test
  void theAdminCreatesAnEventAndChecksPeopleInByTheTicketsLinkAndByName() {
    browser.open("/smopk/admin/seminars/edit").logInAtKeycloak(SMOPK_ADMIN);
    browser.waitForPath("/smopk/admin/seminars/edit");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the edit page").isEmpty();
    LocalDateTime start = LocalDateTime.now(PRAGUE).plusHours(3).truncatedTo(ChronoUnit.HOURS);
    String title = "Seminář s prezencí " + run;
    browser.waitFor(By.id("event:title")).sendKeys(title);
    type("event:startsAt", start.toString());
    type("event:endsAt", start.plusHours(4).toString());
    browser.driver().findElement(By.id("event:venue")).sendKeys("Zasedací místnost SMOPK");
    browser.driver().findElement(By.id("event:capacity")).sendKeys("0");
    browser.clickAndWaitForNextPage(browser.driver().findElement(By.id("event:save")));
    assertThat(browser.waitFor(By.id("event:capacity-error")).getText())
        .isEqualTo("Počet míst je celé číslo od 1 do 10 000.");
    assertThat(browser.driver().findElement(By.id("event:title")).getAttribute("value"))
        .as("what was typed stays")
        .isEqualTo(title);
    assertThat(browser.seriousAccessibilityViolations()).as("axe with an error").isEmpty();
    browser.driver().findElement(By.id("event:capacity")).clear();
    browser.driver().findElement(By.id("event:capacity")).sendKeys("5");
    browser.clickAndWaitForNextPage(browser.driver().findElement(By.id("event:save")));
    browser.waitForPath("/smopk/seminars/event");
    assertThat(browser.waitFor(By.id("event-title")).getText()).isEqualTo(title);
    String id = browser.driver().getCurrentUrl().replaceFirst(".*id=", "");

    String first = "prezence-a-" + run + "@cila.example";
    String second = "prezence-b-" + run + "@cila.example";
    seminars.register(
        UUID.fromString(id),
        Tokens.accessToken(SMOPK_OFFICIAL),
        SeminarApi.people(first, first, second));
    MailServer.Mail ticket =
        mail.await(
            m -> m.to().equals(first) && m.subject().contains("je potvrzena"), MAIL_PATIENCE);
    Matcher qr = Pattern.compile("kód pro prezenci ([0-9A-Z]{8})").matcher(ticket.body());
    assertThat(qr.find()).isTrue();

    // The QR code of the ticket opens the check-in with the code; one tap checks the person in.
    browser.open("/smopk/admin/seminars/checkin?id=" + id + "&code=" + qr.group(1));
    assertThat(browser.waitFor(By.id("found-heading")).getText()).startsWith("Účastník prezence-a");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the check-in").isEmpty();
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("checkin:checkin-button")));
    assertThat(browser.waitFor(By.id("notices")).getText()).contains("Prezence zapsána");
    assertThat(browser.waitFor(By.id("checkin-count")).getText()).isEqualTo("Prezence: 1 z 2");

    // The other one by name, typed without accents.
    browser.waitFor(By.id("q")).sendKeys("prezence-b");
    browser.clickAndWaitForNextPage(browser.waitFor(By.id("search")));
    browser.clickAndWaitForNextPage(
        browser.waitFor(By.cssSelector("#checkin-list .checkin-person")));
    assertThat(browser.waitFor(By.id("checkin-count")).getText()).isEqualTo("Prezence: 2 z 2");

    browser.open("/smopk/admin/seminars/registrations?id=" + id);
    assertThat(browser.waitFor(By.id("registrations")).getText()).contains("Čilá");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the queue").isEmpty();
    browser.open("/smopk/admin/seminars");
    assertThat(
            browser
                .waitFor(By.cssSelector("#admin-events tr[data-id='" + id + "'] .attended"))
                .getText())
        .isEqualTo("2");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the admin list").isEmpty();
    browser.open("/smopk/admin/seminars/attendance?id=" + id);
    assertThat(browser.waitFor(By.id("attendance")).getText()).contains("prezence-b");
    assertThat(browser.seriousAccessibilityViolations()).as("axe on the attendance list").isEmpty();
  }

  /** A datetime-local field takes typing in the browser's own order; set its value instead. */
  private void type(String id, String value) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
  }
}
