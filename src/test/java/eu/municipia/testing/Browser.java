package eu.municipia.testing;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests, with a fresh profile (no cookies, no Keycloak session)
 * each time. It uses Debian's chromium and chromedriver directly, so Selenium Manager never runs
 * (it would go to the network), and it writes nothing into HOME.
 */
public final class Browser implements AutoCloseable {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Path WORK_DIR = Path.of("target", "browser");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /** What the pages of the app must meet: WCAG 2.1 level AA (Czech law 99/2019). */
  private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  private final URI base;
  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Browser(URI base, Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.base = base;
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /** Starts a browser whose relative addresses resolve against the app's base address. */
  public static Browser start(URI base) {
    requireInstalled(CHROMIUM);
    requireInstalled(CHROMEDRIVER);
    try {
      Files.createDirectories(WORK_DIR);
      Path profile = Files.createTempDirectory(WORK_DIR.toAbsolutePath(), "profile-");
      Path xdg = WORK_DIR.toAbsolutePath().resolve("xdg");
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER)
              .usingAnyFreePort()
              .withEnvironment(
                  Map.of(
                      "XDG_CONFIG_HOME", xdg.resolve("config").toString(),
                      "XDG_CACHE_HOME", xdg.resolve("cache").toString()))
              .build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,900",
          "--user-data-dir=" + profile);
      // The console (and the security messages in it, such as Content-Security-Policy
      // violations) is kept for contentSecurityViolations().
      options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
      service.start();
      try {
        return new Browser(base, profile, service, new ChromeDriver(service, options));
      } catch (RuntimeException e) {
        service.stop();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The browser could not be started", e);
    }
  }

  /** Opens a page of the app, e.g. {@code "/smopk/"}. */
  public Browser open(String path) {
    driver.get(base.resolve(path).toString());
    return this;
  }

  public WebDriver driver() {
    return driver;
  }

  /** The element once it is visible; fails after a while if it never is. */
  public WebElement waitFor(By locator) {
    return new WebDriverWait(driver, PATIENCE)
        .withMessage(this::whereWeAre)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /**
   * Clicks a button that sends its form and waits for the page that answers: elements found before
   * then belong to the old page (a "stale element" once the new one is in).
   */
  public void clickAndWaitForNextPage(WebElement button) {
    WebElement html = driver.findElement(By.tagName("html"));
    button.click();
    new WebDriverWait(driver, PATIENCE).withMessage(this::whereWeAre).until(d -> isGone(html));
  }

  /**
   * Whether the element's page is gone. Chromium 156 answers a call on an element of a page it is
   * replacing with "Node with given id does not belong to the document" (an unknown error, not a
   * stale element), which ExpectedConditions.stalenessOf let through as a failure.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Follows a link of the site's navigation by its text, as a user does: nav.js keeps each group
   * (public part, member area, administration) closed until its button opens it.
   */
  public void navigate(String linkText) {
    By link = By.xpath("//nav[@id='site-nav']//a[normalize-space()='" + linkText + "']");
    WebElement found =
        new WebDriverWait(driver, PATIENCE)
            .withMessage(() -> "no navigation link " + linkText + "; " + whereWeAre())
            .until(ExpectedConditions.presenceOfElementLocated(link));
    if (!found.isDisplayed()) {
      found.findElement(By.xpath("ancestor::li[contains(@class,'nav-group')]/button")).click();
    }
    clickAndWaitForNextPage(waitFor(link));
  }

  /** Waits until the browser shows a page of the app at this path. */
  public Browser waitForPath(String path) {
    new WebDriverWait(driver, PATIENCE)
        .withMessage(() -> "not at " + path + "; " + whereWeAre())
        .until(d -> isAt(path));
    return this;
  }

  public boolean isAt(String path) {
    URI now = URI.create(driver.getCurrentUrl());
    return now.getPort() == base.getPort() && path.equals(now.getPath());
  }

  public boolean isPresent(By locator) {
    return !driver.findElements(locator).isEmpty();
  }

  /** The HTTP status of the page now shown (the Navigation Timing API knows it, Selenium not). */
  public int status() {
    Object status =
        driver.executeScript(
            "return performance.getEntriesByType('navigation')[0].responseStatus;");
    return ((Number) status).intValue();
  }

  /** The language of the page, as its html element declares it. */
  public String language() {
    return driver.findElement(By.tagName("html")).getAttribute("lang");
  }

  /** Waits for Keycloak's login form, which a protected page or the login link leads to. */
  public Browser waitForKeycloakLogin() {
    waitFor(By.id("username"));
    return this;
  }

  /** Fills in and sends Keycloak's login form with a demo user's password. */
  public Browser logInAtKeycloak(String username) {
    return logInAtKeycloak(username, Tokens.PASSWORD);
  }

  /** Fills in and sends Keycloak's login form. */
  public Browser logInAtKeycloak(String username, String password) {
    waitForKeycloakLogin();
    driver.findElement(By.id("username")).sendKeys(username);
    if (!isPresent(By.id("password"))) {
      // With Organizations enabled, Keycloak asks for the username first and the password next.
      driver.findElement(By.id("kc-login")).click();
    }
    waitFor(By.id("password")).sendKeys(password);
    driver.findElement(By.id("kc-login")).click();
    return this;
  }

  /**
   * The WCAG 2.1 A/AA violations of serious or critical impact on the page now shown, one line each
   * with the rule, what it asks and the offending elements, so a failing assertion says what to
   * fix.
   */
  public List<String> seriousAccessibilityViolations() {
    // axe-core runs as an asynchronous script; a cold page can take more than the default.
    driver.manage().timeouts().scriptTimeout(PATIENCE);
    List<Rule> violations = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver).getViolations();
    return violations.stream()
        .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
        .map(rule -> describe(rule))
        .toList();
  }

  /**
   * The Content-Security-Policy violations the browser reported since the last call (it logs each
   * as a console error: "Refused to execute inline script because it violates ..."), one line each
   * with where it happened.
   */
  public List<String> contentSecurityViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy"))
        .map(message -> driver.getCurrentUrl() + ": " + message)
        .toList();
  }

  /** The page now shown, for failure messages: a wait that times out says what it saw instead. */
  private String whereWeAre() {
    String text = driver.findElement(By.tagName("body")).getText();
    return "the browser shows "
        + driver.getCurrentUrl()
        + " \""
        + driver.getTitle()
        + "\": "
        + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
  }

  private String describe(Rule rule) {
    String nodes =
        rule.getNodes().stream().map(CheckedNode::getHtml).collect(Collectors.joining(" | "));
    return rule.getImpact()
        + " "
        + rule.getId()
        + " at "
        + driver.getCurrentUrl()
        + ": "
        + rule.getHelp()
        + " — "
        + nodes;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteRecursively(profile);
    }
  }

  private static void requireInstalled(File executable) {
    if (!executable.canExecute()) {
      throw new IllegalStateException(
          executable
              + " is missing: the browser tests need Debian's Chromium and its driver"
              + " (apt-get install -y chromium chromium-driver)");
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover profile under target/ harms nothing; the next clean removes it.
    }
  }
}
