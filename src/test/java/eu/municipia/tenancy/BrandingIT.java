package eu.municipia.tenancy;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An association's logo, colour and custom domain, set by the platform admin who creates it: its
 * pages show them (the logo with the name as alt, the colour through its style sheet), a request
 * for its domain is served as the association, and its newsletter carries the logo and colour with
 * every link on the domain, whatever Host the request that sent it named. Bad colours, logos and
 * domains are refused with field errors.
 */
@MunicipiaIT
class BrandingIT {

  static final String API = "/api/v1/platform/associations";
  private static final String BASE_URL = Deployments.PLATFORM_ADDRESS;
  private static final String COLOR = "#6b2c91";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.warAtPlatformAddress();
  }

  @ArquillianResource URL deployed;
  Api api;
  String platform;

  @BeforeEach
  void api() {
    api = new Api(Deployments.base(deployed));
    platform = Tokens.accessToken(PLATFORM_ADMIN);
  }

  @Test
  void aNewAssociationsLogoColourAndDomainAreOnItsPagesAndInItsNewsletter() throws Exception {
    String slug = slug();
    String domain = slug + ".obce.example";
    String name = "Testovací sdružení " + slug;
    Api.Response created =
        create(
            slug,
            Map.of(
                "accentColor",
                COLOR.toUpperCase(),
                "logo",
                base64(png(160, 48)),
                "domain",
                domain.toUpperCase()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().asJsonObject().getString("domain")).isEqualTo(domain);

    Api.Response home = api.get("/" + slug + "/", null);
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body())
        .contains("id=\"site-logo\"")
        .contains("alt=\"" + name + "\"")
        .contains("/api/v1/tenants/" + slug + "/site/logo?v=")
        .contains("/api/v1/tenants/" + slug + "/site/style.css?v=6b2c91");
    Api.Response style = api.get("/api/v1/tenants/" + slug + "/site/style.css?v=6b2c91", null);
    assertThat(style.status()).isEqualTo(200);
    assertThat(style.contentType()).startsWith("text/css");
    assertThat(style.body()).contains("--accent: " + COLOR);

    Api.Response logo = api.get("/api/v1/tenants/" + slug + "/site/logo", null);
    assertThat(logo.status()).isEqualTo(200);
    assertThat(logo.contentType()).isEqualTo("image/png");
    String etag = logo.header("ETag");
    assertThat(etag).isNotBlank();
    assertThat(logo.header("Cache-Control")).contains("max-age");
    assertThat(
            api.withHeader("If-None-Match", etag)
                .get("/api/v1/tenants/" + slug + "/site/logo", null)
                .status())
        .as("a cache that has it")
        .isEqualTo(304);

    assertThat(api.raw("GET /magazine HTTP/1.1\r\nHost: " + domain))
        .as("its magazine at /magazine on its domain")
        .startsWith("HTTP/1.1 200");
    Api.Response onDomain = api.withHeader("Host", domain).get("/", null);
    assertThat(onDomain.status()).as("its home page at / on its domain").isEqualTo(200);
    assertThat(onDomain.body()).contains(name).contains("href=\"/magazine\"");
    Api.Response proxied = api.withHeader("X-Forwarded-Host", domain).get("/magazine", null);
    assertThat(proxied.status()).as("the domain from a trusted proxy").isEqualTo(200);
    assertThat(proxied.body()).contains(name);
    Api.Response unknown =
        api.withHeader("Host", "nobody.obce.example").get("/" + slug + "/", null);
    assertThat(unknown.status()).as("an unknown host: the slug path as before").isEqualTo(200);

    // Its admin sends an issue's test mail, asking with a forged Host.
    try (KeycloakAdmin.TestUser editor =
        KeycloakAdmin.createMember(slug, slug + "-admin", Tokens.PASSWORD)) {
      grantAdmin(slug, editor);
      String token = Tokens.accessToken(editor.username());
      String number = issue(slug, token);
      MailServer mail = TestStack.get().mail().start();
      Api.Response test =
          api.withHeader("Host", "evil.example")
              .post(
                  "/api/v1/tenants/" + slug + "/magazine/issues/" + number + "/test",
                  token,
                  "application/json",
                  "");
      assertThat(test.status()).as(test.body()).isEqualTo(202);
      MailServer.Mail sent =
          mail.await(
              m -> m.to().equals(editor.email()) && m.subject().startsWith("[TEST]"),
              Duration.ofSeconds(60));
      assertThat(sent.html())
          .contains("background:" + COLOR)
          .contains(
              "<img src=\"https://"
                  + domain
                  + "/api/v1/tenants/"
                  + slug
                  + "/site/logo?v="
                  + etag.replace("\"", ""))
          .contains("alt=\"" + name + "\"")
          .contains("https://" + domain + "/magazine/issue?")
          .doesNotContain("evil.example")
          .doesNotContain(BASE_URL + "/" + slug);
      assertThat(sent.body()).contains("https://" + domain + "/magazine/").doesNotContain("evil");
    }
  }

  @Test
  void aLightColourALogoThatIsNotAnImageAndABadDomainAreRefusedBesideTheirFields()
      throws Exception {
    String slug = slug();
    Api.Response light =
        create(slug, Map.of("accentColor", "#ffcc00", "domain", "https://" + slug + ".example/x"));
    assertThat(light.status()).as(light.body()).isEqualTo(400);
    assertThat(fields(light)).containsExactly("accentColor", "domain");
    assertThat(light.body()).contains("4.5:1");

    String html = "<html><body><script>alert(1)</script></body></html>";
    Api.Response notAnImage =
        create(slug, Map.of("logo", base64(html.getBytes(StandardCharsets.UTF_8))));
    assertThat(notAnImage.status()).as(notAnImage.body()).isEqualTo(400);
    assertThat(fields(notAnImage)).containsExactly("logo");
    assertThat(tenantRows(slug)).as("nothing made").isZero();
    assertThatThrownBy(() -> KeycloakAdmin.organizationMembers(slug))
        .as("Keycloak was not touched")
        .hasMessageContaining("No Organization");

    String admin = Tokens.accessToken(SMOPK_ADMIN);
    String logoApi = "/api/v1/tenants/smopk/site/logo";
    Api.Response htmlAsPng = api.put(logoApi, admin, "image/png", html);
    assertThat(htmlAsPng.status()).as(htmlAsPng.body()).isEqualTo(400);
    assertThat(fields(htmlAsPng)).containsExactly("logo");
    // As a browser or curl sends a large file: it asks first (Expect: 100-continue).
    java.net.http.HttpResponse<String> tooLarge =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(Deployments.base(deployed).resolve(logoApi))
                    .expectContinue(true)
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "image/png")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[600 * 1024]))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
    assertThat(api.put(logoApi, null, "image/png", png(10, 10)).status()).isEqualTo(401);
    assertThat(api.get(logoApi, null).status()).as("SMOPK has no logo").isEqualTo(404);
  }

  @Test
  void thePlatformAdminSetsChangesAndRemovesADomainWhichNoOtherAssociationMayHave()
      throws Exception {
    String first = slug();
    String second = slug();
    String domain = first + ".obce.example";
    assertThat(create(first, Map.of("domain", domain)).status()).isEqualTo(201);
    assertThat(create(second, Map.of()).status()).isEqualTo(201);

    Api.Response taken = create(slug(), Map.of("domain", domain));
    assertThat(taken.status()).as(taken.body()).isEqualTo(409);
    assertThat(fields(taken)).containsExactly("domain");
    Api.Response takenToo = setDomain(second, domain);
    assertThat(takenToo.status()).as(takenToo.body()).isEqualTo(409);
    assertThat(fields(takenToo)).containsExactly("domain");
    Api.Response platformsOwn = setDomain(second, "portal.municipia.example");
    assertThat(platformsOwn.status()).isEqualTo(400);
    assertThat(fields(platformsOwn)).containsExactly("domain");
    assertThat(setDomain(second, "not a host").status()).isEqualTo(400);
    assertThat(setDomain("nothing-here", "x.obce.example").status()).isEqualTo(404);

    String moved = second + ".obce.example";
    Api.Response set = setDomain(second, moved);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().asJsonObject().getString("domain")).isEqualTo(moved);
    assertThat(api.withHeader("Host", moved).get("/magazine", null).body())
        .contains("Testovací sdružení " + second);

    Api.Response removed = setDomain(second, null);
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.body()).doesNotContain(moved);
    assertThat(api.withHeader("Host", moved).get("/magazine", null).status())
        .as("an unknown host again: no association's page at /magazine")
        .isEqualTo(404);
    assertThat(audit(second)).contains("association.domain.changed");
    assertThat(
            api.put(
                    API + "/" + second + "/domain",
                    Tokens.accessToken(SMOPK_ADMIN),
                    "application/json",
                    "{\"domain\":\"x.obce.example\"}")
                .status())
        .isEqualTo(403);
  }

  private Api.Response setDomain(String slug, String domain) {
    return api.put(
        API + "/" + slug + "/domain",
        platform,
        "application/json",
        domain == null ? "{\"domain\":null}" : "{\"domain\":\"" + domain + "\"}");
  }

  private Api.Response create(String slug, Map<String, String> extra) {
    var body =
        Json.createObjectBuilder()
            .add("slug", slug)
            .add("nameCs", "Testovací sdružení " + slug)
            .add("nameEn", "Test association " + slug)
            .add("kind", "ASSOCIATION")
            .add("parent", "smocr")
            .add("region", "Plzeňský kraj")
            .add("adminEmail", slug + "-first@example.org");
    extra.forEach(body::add);
    return api.post(API, platform, "application/json", body.build().toString());
  }

  /** A new issue with one published public article, made by the association's admin. */
  private String issue(String slug, String token) {
    String articles = "/api/v1/tenants/" + slug + "/magazine/articles";
    Api.Response article =
        api.post(
            articles,
            token,
            "application/json",
            "{\"title\":\"Značka\",\"perex\":\"Perex.\",\"body\":\"<p>Text.</p>\","
                + "\"topics\":[\"EVENTS\"],\"audience\":\"PUBLIC\"}");
    assertThat(article.status()).as(article.body()).isEqualTo(201);
    String articleSlug = article.json().asJsonObject().getString("slug");
    for (String status : List.of("IN_REVIEW", "PUBLISHED")) {
      Api.Response moved =
          api.post(
              articles + "/" + articleSlug + "/status",
              token,
              "application/json",
              "{\"status\":\"" + status + "\"}");
      assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }
    Api.Response issue =
        api.post(
            "/api/v1/tenants/" + slug + "/magazine/issues",
            token,
            "application/json",
            "{\"number\":\"2026/1\",\"title\":\"Značka\",\"articles\":[\"" + articleSlug + "\"]}");
    assertThat(issue.status()).as(issue.body()).isEqualTo(201);
    return "2026/1";
  }

  /** The admin's role, written as a role grant does (the first admin's login has no password). */
  static void grantAdmin(String slug, KeycloakAdmin.TestUser user) throws SQLException {
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        PreparedStatement person =
            c.prepareStatement(
                "INSERT INTO person (id, tenant_id, issuer, subject, username, first_seen,"
                    + " last_seen) VALUES (gen_random_uuid(), ?, ?, ?, ?, now(), now())");
        PreparedStatement role =
            c.prepareStatement(
                "INSERT INTO role_grant (id, tenant_id, issuer, subject, role, granted_by,"
                    + " granted_at) VALUES (gen_random_uuid(), ?, ?, ?, 'ASSOCIATION_ADMIN',"
                    + " 'test', now())")) {
      person.setString(1, slug);
      person.setString(2, TestStack.get().issuer());
      person.setString(3, user.id());
      person.setString(4, user.username());
      person.executeUpdate();
      role.setString(1, slug);
      role.setString(2, TestStack.get().issuer());
      role.setString(3, user.id());
      role.executeUpdate();
    }
  }

  static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, x < width / 3 ? 0x6b2c91 : 0xffffff);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static String slug() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<String> fields(Api.Response r) {
    return r.json().asJsonObject().getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field"))
        .toList();
  }

  private static int tenantRows(String slug) throws SQLException {
    return query("SELECT id FROM tenant WHERE id = ?", slug).size();
  }

  private static List<String> audit(String slug) throws SQLException {
    return query("SELECT action FROM audit_entry WHERE tenant_id = ? ORDER BY at", slug);
  }

  private static List<String> query(String sql, String parameter) throws SQLException {
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        List<String> rows = new java.util.ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
        return rows;
      }
    }
  }
}
