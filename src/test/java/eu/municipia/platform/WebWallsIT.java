package eu.municipia.platform;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.RawHttp;
import eu.municipia.testing.SharedApp;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walls of the web layer, tried from outside with raw HTTP: paths spelt every odd way,
 * anonymously and with tokens; the security headers on every kind of answer; the session cookie
 * (none for visitors; SameSite, HttpOnly, and Secure behind a trusted proxy only); /metrics; and a
 * readiness answer that tells nothing about the database when it is down.
 */
@MunicipiaIT
class WebWallsIT {

  /** What only a logged-in person with the right role may ever see of these pages. */
  private static final Map<String, String> PROTECTED_MARKERS =
      Map.of(
          "the platform admin's import page", "id=\"register-import\"",
          "the admins' roles page", "id=\"roles:",
          "the member area", "id=\"caller-name\"",
          "the change log", "id=\"audit\"",
          "the deployment descriptor", "<web-app");

  /** Spellings of paths that must never reach more than their plain form would. */
  private static final List<String> ODD_PATHS =
      List.of(
          "/%70latform/register.xhtml",
          "/%70latform/register",
          "/platform/%72egister",
          "/%74/admin/roles.xhtml",
          "/%74/members.xhtml",
          "/t/admin/roles.xhtml",
          "/t/members.xhtml",
          "/t/",
          "/t/home.xhtml",
          "/sm%6Fpk/admin/roles",
          "/smopk/%61dmin/roles",
          "/smopk/admin%2Froles",
          "/smopk/admin%2froles",
          "/smopk%2Fadmin/roles",
          "/%2570latform/register.xhtml",
          "/%252e%252e/platform/register",
          "/smopk/admin/roles%00",
          "/smopk/admin/roles%00.xhtml",
          "/smopk/%2e%2e/platform/register",
          "/smopk/../platform/register",
          "/smopk/./admin/roles",
          "/smopk/admin/./roles",
          "/smopk//admin/roles",
          "//smopk/admin/roles",
          "/smopk;x=1/admin/roles",
          "/smopk/admin;jsessionid=1/roles",
          "/platform;/register",
          "/smopk/admin/roles.",
          "/smopk/admin/roles..",
          "/smopk/admin/roles/",
          "/smopk/admin/roles//",
          "/smopk/members/",
          "/smopk/members/.",
          "/smopk/%2e/members",
          "/%C5%B0latform/register.xhtml",
          "/%C5%B4/admin/roles.xhtml",
          "/smopk/%C5%BE",
          "/smopk/%C5",
          "/smopk/%FF%FE",
          "/smopk/%E2%80%AEsrebmem",
          "/smopk/admin\\roles",
          "/smopk/admin%5Croles",
          "/smopk/%u0061dmin/roles",
          "/%u0070latform/register",
          "/smopk/" + "a".repeat(4000),
          "/smopk/" + "a/".repeat(1000),
          "/" + "%41".repeat(2000),
          "/api/v1/tenants/%2e%2e/platform/municipalities",
          "/api/v1/tenants/smopk/%2e%2e/smocr/members",
          "/api/v1/tenants/smopk/../smocr/members",
          "/api/v1/tenants/%73mopk/people",
          "/api/v1/tenants/smopk%2Fpeople",
          "/api/v1/tenants/smopk;x=1/people",
          "/api/v1/tenants/smopk/people/%00",
          "/api/v1/tenants/smopk/members/" + "9".repeat(5000),
          "/api/v1/%2e%2e/v1/tenants/smopk/people",
          "/api/v1/platform/municipalities/imports/%2e%2e",
          "/webjars/../WEB-INF/web.xml",
          "/webjars/%2e%2e/WEB-INF/web.xml",
          "/webjars/leaflet/1.9.4/../../../WEB-INF/web.xml",
          "/static/../WEB-INF/web.xml",
          "/static/../t/admin/roles.xhtml",
          "/static/%2e%2e/t/admin/roles.xhtml",
          "/WEB-INF/web.xml",
          "/WEB-INF/./web.xml",
          "/%57EB-INF/web.xml",
          "/web-inf/web.xml",
          "/META-INF/MANIFEST.MF",
          "/errors/error.xhtml",
          "/auth/callback",
          "/auth/callback?state=x&code=y",
          "/auth/callback?error=access_denied",
          "/index.xhtml",
          "/smopk/index.xhtml",
          "/smopk/home.xhtml",
          "/smopk/admin/roles.xhtml",
          "/smopk/admin/roles?lang=%00",
          "/smopk/?lang=xx",
          "/?lang=" + "e".repeat(3000),
          "/nosuch/",
          "/nosuch/admin/roles");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  RawHttp http;

  @BeforeEach
  void client() {
    http = new RawHttp("127.0.0.1", deployed.getPort());
  }

  @Test
  void encodedPathsNoLongerSkipThePageRules() {
    // Was 200 with the platform admin's import page, for anyone.
    RawHttp.Response platform = http.get("/%70latform/register.xhtml");
    assertThat(platform.status()).isEqualTo(400);
    assertThat(platform.body()).doesNotContain("register-import");
    // Was 500.
    assertThat(http.get("/%74/admin/roles.xhtml").status()).isEqualTo(400);
    // Was the association's home view itself, past every rule.
    assertThat(http.get("/static/../t/home.xhtml").status()).isEqualTo(400);
    // The plain spellings keep working.
    assertThat(http.get("/platform/register").status()).isEqualTo(302);
    assertThat(http.get("/smopk/").status()).isEqualTo(200);
    assertThat(http.get("/smopk/directory?q=%C4%8C%C3%ADl%C3%A1").status()).isEqualTo(200);
  }

  @Test
  void theViewsAndThePlatformsPagesHaveASecondWall() {
    String admin = bearer(SMOPK_ADMIN);
    // Never served by their own paths, whoever asks; only TenantFilter's forward reaches them.
    for (String view : List.of("/t/home.xhtml", "/t/admin/roles.xhtml", "/t/members.xhtml")) {
      RawHttp.Response answer = http.get(view, Map.of("Authorization", admin));
      assertThat(answer.status()).as(view).isIn(403, 404);
      assertThat(answer.body()).as(view).doesNotContain("id=\"roles", "id=\"caller-name\"");
    }
    // The platform's pages by their file name: platform admins only, as by their plain name.
    assertThat(http.get("/platform/register.xhtml").status()).isIn(302, 401, 403);
    assertThat(http.get("/platform/register.xhtml", Map.of("Authorization", admin)).status())
        .isEqualTo(403);
    RawHttp.Response platformAdmin =
        http.get("/platform/register.xhtml", Map.of("Authorization", bearer(PLATFORM_ADMIN)));
    assertThat(platformAdmin.status()).isEqualTo(200);
    assertThat(platformAdmin.body()).contains("register-import");
  }

  @Test
  void noOddPathAnswers5xxOrShowsProtectedContent() {
    Map<String, Map<String, String>> callers = new LinkedHashMap<>();
    callers.put("anonymous", Map.of());
    callers.put("a member official", Map.of("Authorization", bearer(SMOPK_OFFICIAL)));
    callers.put("an association admin", Map.of("Authorization", bearer(SMOPK_ADMIN)));
    List<String> failures = new ArrayList<>();
    for (String path : ODD_PATHS) {
      for (var caller : callers.entrySet()) {
        RawHttp.Response answer = http.get(path, caller.getValue());
        String where = caller.getKey() + " GET " + abbreviated(path) + " -> " + answer.status();
        if (answer.status() >= 500) {
          failures.add(where);
        }
        for (var marker : PROTECTED_MARKERS.entrySet()) {
          boolean allowed =
              caller.getKey().equals("an association admin")
                      && !marker.getKey().startsWith("the platform")
                      && !marker.getKey().startsWith("the deployment")
                  || caller.getKey().equals("a member official")
                      && marker.getKey().equals("the member area");
          if (!allowed && answer.body().contains(marker.getValue())) {
            failures.add(where + " shows " + marker.getKey());
          }
        }
        if (answer.body().contains("\tat ") || answer.body().contains("Exception")) {
          failures.add(where + " shows a stack trace");
        }
      }
    }
    // Raw bytes that are not UTF-8 at all, and raw non-ASCII.
    for (byte[] target :
        List.of(
            "/smopk/\u00c5\u00be".getBytes(StandardCharsets.ISO_8859_1),
            "/\u0170latform/register".getBytes(StandardCharsets.UTF_8),
            new byte[] {'/', (byte) 0xC5, (byte) 0xB0, 'l', 'a', 't', 'f', 'o', 'r', 'm', '/'})) {
      RawHttp.Response answer = http.get(target, Map.of());
      if (answer.status() >= 500 || answer.body().contains("register-import")) {
        failures.add("raw bytes " + new String(target, StandardCharsets.ISO_8859_1));
      }
    }

    assertThat(failures).as("%d paths x %d callers", ODD_PATHS.size(), callers.size()).isEmpty();
  }

  @Test
  void everyKindOfAnswerCarriesTheSecurityHeaders() {
    Map<String, RawHttp.Response> answers = new LinkedHashMap<>();
    answers.put("a page", http.get("/smopk/"));
    answers.put("the map page", http.get("/smopk/coverage"));
    answers.put("an API answer", http.get("/api/v1/tenants/smopk/coverage"));
    answers.put("an API refusal", http.get("/api/v1/tenants/smopk/me"));
    answers.put("a static file", http.get("/static/site.css"));
    answers.put("a library file", http.get("/webjars/leaflet/1.9.4/dist/leaflet.js"));
    answers.put("a redirect to the login", http.get("/smopk/members"));
    answers.put("a redirect to the home page", http.get("/smopk"));
    answers.put("an error page", http.get("/smopk/nosuch"));
    answers.put("a refused path", http.get("/%70latform/register"));
    answers.put("readiness", http.get("/health/ready"));

    for (var answer : answers.entrySet()) {
      RawHttp.Response r = answer.getValue();
      String what = answer.getKey() + " (" + r.status() + ")";
      String csp = r.header("Content-Security-Policy").orElse("");
      assertThat(csp).as(what).contains("default-src 'self'", "frame-ancestors 'none'");
      assertThat(csp).as(what).contains("script-src 'self';").doesNotContain("unsafe");
      // The configured tile server (failsafe sets it) is the one foreign image source.
      assertThat(csp).as(what).contains("img-src 'self' http://localhost:9;");
      assertThat(r.header("X-Content-Type-Options")).as(what).contains("nosniff");
      assertThat(r.header("Referrer-Policy")).as(what).contains("strict-origin-when-cross-origin");
      assertThat(r.header("X-Frame-Options")).as(what).contains("DENY");
      assertThat(r.headers("Server")).as(what).isEmpty();
      assertThat(r.headers("X-Powered-By")).as(what).isEmpty();
      // Plain HTTP from a client that no proxy vouches for: no HSTS.
      assertThat(r.headers("Strict-Transport-Security")).as(what).isEmpty();
    }
    assertThat(answers.get("a redirect to the login").status()).isEqualTo(302);
    assertThat(answers.get("an error page").status()).isEqualTo(404);
  }

  @Test
  void visitorsGetNoSessionAndTheirLanguageLivesInACookie() {
    for (String page :
        List.of(
            "/smopk/",
            "/smopk/directory",
            "/smopk/directory?q=plze",
            "/smopk/coverage",
            "/smocr/",
            "/smocr/directory",
            "/",
            "/smopk/?lang=en",
            "/?lang=en",
            "/smopk/nosuch")) {
      RawHttp.Response answer = http.get(page);
      assertThat(answer.status()).as(page).isIn(200, 404);
      assertThat(answer.headers("Set-Cookie"))
          .as(page)
          .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    RawHttp.Response english = http.get("/smopk/?lang=en");
    String lang =
        english.headers("Set-Cookie").stream()
            .filter(c -> c.startsWith("lang="))
            .findFirst()
            .orElseThrow();
    assertThat(lang).startsWith("lang=en;").contains("HttpOnly", "SameSite=Lax");
    // The next page, with only the cookie, is in English still.
    RawHttp.Response next = http.get("/smopk/directory", Map.of("Cookie", "lang=en"));
    assertThat(next.body()).contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"");
    assertThat(next.headers("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    assertThat(http.get("/smopk/directory").body()).contains("lang=\"cs\"");
  }

  @Test
  void aVisitorsFirstRequestReadsItsParametersAsUtf8() {
    // Without a session, Faces has no remembered charset: the app must say UTF-8 itself, or
    // "Plzeň-město" arrives as "PlzeÅ-mÄsto" and the filter finds nothing.
    RawHttp.Response filtered =
        http.get("/smopk/directory?district=Plze%C5%88-m%C4%9Bsto&sort=population");

    assertThat(filtered.status()).isEqualTo(200);
    assertThat(filtered.body())
        .contains("<option value=\"Plzeň-město\" selected=\"selected\">")
        .contains("data-code=\"554791\"");
    assertThat(filtered.headers("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
  }

  @Test
  void aFormPostLargerThanPagesTakeIsRefusedWithoutA5xx() throws Exception {
    // Faces pages read multipart posts (the new association's logo) with the servlet's limits
    // (web.xml: 25 MiB a file, 26 MiB a request). Anyone may post to a public page; one past the
    // limits must be refused as too large, not fail.
    String boundary = "municipia-" + java.util.UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + 28 * 1024 * 1024 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    for (String page : List.of("/", "/smopk/directory", "/smopk/join", "/platform/associations")) {
      java.net.http.HttpResponse<String> sized =
          client.send(
              java.net.http.HttpRequest.newBuilder(deployed.toURI().resolve(page.substring(1)))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(sized.statusCode()).as("POST %s with its length", page).isEqualTo(413);
      assertThat(sized.body()).as("POST %s", page).contains("příliš velký");
    }
    // Sent in chunks, without a length: the container finds out only while reading it.
    java.net.http.HttpResponse<String> chunked =
        client.send(
            java.net.http.HttpRequest.newBuilder(deployed.toURI().resolve("smopk/join"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).as("POST in chunks").isLessThan(500);
    // A plain form past the listener's limit (Grizzly's, 2 MiB) is as large as that.
    java.net.http.HttpResponse<String> plain =
        client.send(
            java.net.http.HttpRequest.newBuilder(deployed.toURI().resolve("smopk/join"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "join=join&jakarta.faces.ViewState=stateless&x=" + "a".repeat(5_000_000)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).as("a 5 MB plain form").isEqualTo(413);
  }

  @Test
  void aRenderKitThatIsNotOursIsIgnored() throws Exception {
    // Faces takes its render kit from a request parameter; any other id than its own made every
    // page fail, the error page too.
    RawHttp.Response page = http.get("/smopk/directory?jakarta.faces.RenderKitId=EVIL");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"members\"");
    java.net.http.HttpResponse<String> form =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(deployed.toURI().resolve("smopk/join"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "join=join&jakarta.faces.ViewState=stateless&join%3Asubmit=x"
                                + "&jakarta.faces.RenderKitId=EVIL"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("id=\"join\"");
  }

  @Test
  void aFormWhoseViewWasLostIsShownAgainNotA500() throws Exception {
    // What a form sent after its login's session ended looks like to Faces (its state is gone);
    // here with a state that never was, on a public form and on a page without one.
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    for (String page : List.of("/smopk/join", "/smopk/seminars?past=true")) {
      java.net.http.HttpResponse<String> sent =
          client.send(
              java.net.http.HttpRequest.newBuilder(deployed.toURI().resolve(page.substring(1)))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "jakarta.faces.ViewState=-123%3A456&form=form&form%3Aname=Obec"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(sent.statusCode()).as("POST %s", page).isBetween(300, 399);
      String location = sent.headers().firstValue("Location").orElseThrow();
      String again = page + (page.contains("?") ? "&" : "?") + "expired=1";
      assertThat(location).as("the same page, its own query kept").endsWith(again);
      RawHttp.Response shown = http.get(again);
      assertThat(shown.status()).isEqualTo(200);
      assertThat(shown.body()).contains("id=\"form-expired\"").contains("Vyplňte jej prosím znovu");
    }
  }

  @Test
  void aLoginsSessionCookieIsSecureOnlyWhenATrustedProxySaysHttps() {
    Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
    // The default trusts the loopback interface (a proxy in the same pod or on the same host).
    RawHttp.Response trusted = http.get("/smopk/members", https);
    assertThat(trusted.status()).isEqualTo(302);
    String cookie = sessionCookie(trusted).orElseThrow();
    assertThat(attributes(cookie)).contains("httponly", "samesite=lax", "secure");
    assertThat(trusted.header("Strict-Transport-Security")).contains("max-age=31536000");

    RawHttp.Response plain = http.get("/smopk/members");
    assertThat(attributes(sessionCookie(plain).orElseThrow()))
        .contains("httponly", "samesite=lax")
        .doesNotContain("secure");

    // The same header from an address that is not a trusted proxy counts for nothing.
    Optional<InetAddress> outside = nonLoopbackAddress();
    assumeThat(outside).as("a network interface besides loopback").isPresent();
    RawHttp.Response untrusted =
        new RawHttp(outside.get().getHostAddress(), deployed.getPort())
            .get("/smopk/members", https);
    assertThat(untrusted.status()).isEqualTo(302);
    assertThat(attributes(sessionCookie(untrusted).orElseThrow())).doesNotContain("secure");
    assertThat(untrusted.headers("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void metricsAnswerWithRequestsThePoolAndTheOutbox() {
    String token = bearer(SMOPK_ADMIN);
    double before = requestCount(metrics(), "api", "2xx");
    for (int i = 0; i < 3; i++) {
      assertThat(http.get("/api/v1/tenants/smopk/people", Map.of("Authorization", token)).status())
          .isEqualTo(200);
    }

    String after = metrics();
    assertThat(requestCount(after, "api", "2xx")).isGreaterThanOrEqualTo(before + 3);
    assertThat(after)
        .contains(
            "http_requests_seconds_sum{kind=\"api\"",
            "db_connections_in_use{",
            "db_connections_waiting{",
            "db_connection_acquisition_seconds_count{",
            "outbox_waiting{",
            "outbox_oldest_waiting_seconds{",
            "outbox_sent_total{",
            "outbox_attempts_failed_total{",
            "outbox_given_up_total{");
    assertThat(gauge(after, "db_connection_acquisition_seconds_count")).isPositive();
  }

  @Test
  void readinessSaysTheDatabaseIsDownWithoutItsErrorText() throws Exception {
    assertThat(http.get("/health/ready").status()).isEqualTo(200);
    TestStack.get().database().stop();
    try {
      RawHttp.Response down = http.get("/health/ready");

      assertThat(down.status()).isEqualTo(503);
      assertThat(down.body()).contains("\"DOWN\"", "see the log");
      // What PostgreSQL's driver says names the host, port and role: never in a public answer.
      assertThat(down.body())
          .doesNotContainIgnoringCase("connection")
          .doesNotContain("localhost", "PSQL", "SQL", "refused", "municipia_app", "Exception");
    } finally {
      TestStack.get().database().start();
    }
    Instant back = Instant.now();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status = 0;
    while (System.nanoTime() < deadline && status != 200) {
      status = http.get("/health/ready").status();
      Thread.sleep(250);
    }
    assertThat(status).as("readiness after the database is back").isEqualTo(200);
    // Every shared app (this class's and the variants beside it) lost its connections: the next
    // class must not be the one whose request meets a dead one.
    assertThat(SharedApp.servesAgainWithin(back, Duration.ofSeconds(30)))
        .as("the shared apps read again after the restart")
        .isTrue();
  }

  private String metrics() {
    RawHttp.Response answer = http.get("/metrics");
    assertThat(answer.status()).as("/metrics").isEqualTo(200);
    return answer.body();
  }

  private static double requestCount(String metrics, String kind, String status) {
    Matcher m =
        Pattern.compile(
                "http_requests_seconds_count\\{kind=\""
                    + kind
                    + "\",mp_scope=\"application\",status=\""
                    + status
                    + "\"} ([0-9.E]+)")
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static double gauge(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.E-]+)").matcher(metrics);
    assertThat(m.find()).as(name).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String bearer(String user) {
    return "Bearer " + Tokens.accessToken(user);
  }

  private static Optional<String> sessionCookie(RawHttp.Response answer) {
    return answer.headers("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst();
  }

  private static List<String> attributes(String cookie) {
    return java.util.Arrays.stream(cookie.split(";"))
        .skip(1)
        .map(a -> a.trim().toLowerCase(java.util.Locale.ROOT))
        .toList();
  }

  private static Optional<InetAddress> nonLoopbackAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
            return Optional.of(address);
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String abbreviated(String path) {
    return path.length() > 80 ? path.substring(0, 80) + "…(" + path.length() + ")" : path;
  }
}
