package eu.municipia.magazine;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static eu.municipia.testing.DemoUsers.TWO_ASSOCIATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The magazine through the API and the public pages: articles written, sanitized, moved through
 * their workflow (audited), their files typed from the bytes, scaled and served with cache headers;
 * what is members-only or unpublished invisible to everyone else by page, API, feed, search and
 * file URL; the feeds parse back with Rome; a shared article reaches the union read-only. Each test
 * writes its own articles (titles with a random word), so the order does not matter.
 */
@MunicipiaIT
class MagazineIT {

  static final String SMOPK = "/api/v1/tenants/smopk/magazine";
  static final String SMOCR = "/api/v1/tenants/smocr/magazine";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  String editor;
  String admin;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed));
    editor = Tokens.accessToken(TWO_ASSOCIATIONS);
    admin = Tokens.accessToken(SMOPK_ADMIN);
  }

  @Test
  void anArticleGoesFromDraftThroughReviewToPublishedAndArchivedEachStepAudited() {
    String word = word();
    JsonObject draft = create(editor, article("Cyklostezka " + word, "PUBLIC").build());
    String slug = draft.getString("slug");
    assertThat(slug).isEqualTo("cyklostezka-" + word);
    assertThat(draft.getString("status")).isEqualTo("DRAFT");

    assertThat(search("cyklostezka " + word)).isEmpty();
    assertThat(api.get(SMOPK + "/articles/" + slug, null).status()).isEqualTo(404);

    assertThat(move(slug, "PUBLISHED", null, editor).status())
        .as("a draft is reviewed before it is published")
        .isEqualTo(409);
    assertThat(move(slug, "IN_REVIEW", null, editor).status()).isEqualTo(200);
    Api.Response published = move(slug, "PUBLISHED", null, admin);
    assertThat(published.status()).as(published.body()).isEqualTo(200);

    assertThat(search("CYKLOSTEZKA " + word)).containsExactly(slug);
    assertThat(search("cyklostézka " + word)).containsExactly(slug);
    JsonObject read = api.get(SMOPK + "/articles/" + slug, null).json().asJsonObject();
    assertThat(read.getString("title")).isEqualTo("Cyklostezka " + word);
    assertThat(read.containsKey("revisedAt")).isFalse();

    JsonObject changed =
        put(slug, article("Cyklostezka " + word, "PUBLIC").add("version", read.getInt("version")));
    assertThat(changed.containsKey("revisedAt")).as("a published article edited says so").isTrue();
    Api.Response stale =
        api.put(
            SMOPK + "/articles/" + slug,
            editor,
            "application/json",
            article("Cyklostezka " + word, "PUBLIC")
                .add("version", read.getInt("version"))
                .build()
                .toString());
    assertThat(stale.status()).as("a change based on an old version").isEqualTo(409);

    assertThat(move(slug, "ARCHIVED", null, editor).status()).isEqualTo(200);
    assertThat(search("cyklostezka " + word)).isEmpty();

    String audit = api.get("/api/v1/tenants/smopk/audit?limit=200", admin).body();
    assertThat(audit)
        .contains(
            "article.created",
            "article.in_review",
            "article.published",
            "article.changed",
            "article.archived");
  }

  @Test
  void aScheduledArticleIsNotPublishedBeforeItsTime() {
    String slug =
        create(editor, article("Plánovaný " + word(), "PUBLIC").build()).getString("slug");
    move(slug, "IN_REVIEW", null, editor);
    Api.Response past = move(slug, "SCHEDULED", Instant.now().minusSeconds(60).toString(), editor);
    assertThat(past.status()).isEqualTo(400);
    Api.Response scheduled =
        move(slug, "SCHEDULED", Instant.now().plus(1, ChronoUnit.DAYS).toString(), editor);
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    assertThat(scheduled.json().asJsonObject().getString("status")).isEqualTo("SCHEDULED");
    assertThat(api.get(SMOPK + "/articles/" + slug, null).status()).isEqualTo(404);
  }

  @Test
  void aScheduledArticleIsPublishedByTheJobWhenItsTimeComesUnasked() throws Exception {
    String slug =
        create(editor, article("Včas vydaný " + word(), "PUBLIC").build()).getString("slug");
    assertThat(move(slug, "IN_REVIEW", null, editor).status()).isEqualTo(200);
    Api.Response scheduled =
        move(slug, "SCHEDULED", Instant.now().plus(1, ChronoUnit.DAYS).toString(), editor);
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    // Its time comes: the job (every second in the test app) finds it through the database's
    // question which associations have an article due, and publishes it; nobody opens a page.
    try (java.sql.Connection c =
            TestStack.get().database().superuser(eu.municipia.devstack.EmbeddedDatabase.DATABASE);
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "UPDATE magazine_article SET scheduled_for = now() - interval '1 second'"
                    + " WHERE tenant_id = 'smopk' AND slug = ?")) {
      ps.setString(1, slug);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    Instant deadline = Instant.now().plusSeconds(30);
    int status = 0;
    while (Instant.now().isBefore(deadline)
        && (status = api.get(SMOPK + "/articles/" + slug, null).status()) != 200) {
      Thread.sleep(250);
    }
    assertThat(status).as("published by the job within 30 s").isEqualTo(200);
    assertThat(api.get(SMOPK + "/articles/" + slug, null).json().asJsonObject().getString("status"))
        .isEqualTo("PUBLISHED");
  }

  @Test
  void theTextIsSanitizedOnEverySave() {
    String word = word();
    String dirty =
        "<h1>Nadpis</h1><p onclick=\"alert(1)\">Text <a href=\"javascript:alert(1)\">odkaz</a>"
            + " <a href=\"https://example.org/\">ven</a></p><script>alert(1)</script>"
            + "<img src=\"https://evil.example/x.png\" onerror=\"alert(1)\">"
            + "<p style=\"background:url(javascript:alert(1))\">styl</p>"
            + "<table><tr><th>A</th><td>1</td></tr></table>";
    JsonObject created =
        create(editor, article("Sanitizace " + word, "PUBLIC").add("body", dirty).build());
    String body = created.getString("body");
    assertThat(body)
        .contains(
            "<h2>Nadpis</h2>", "odkaz", "href=\"https://example.org/\"", "<table>", "<th>A</th>")
        .doesNotContain("script", "onclick", "javascript", "onerror", "evil.example", "style");
  }

  @Test
  void badArticlesAreRefusedFieldByField() {
    Api.Response bad =
        api.post(
            SMOPK + "/articles",
            editor,
            "application/json",
            Json.createObjectBuilder()
                .add("title", " ")
                .add("topics", Json.createArrayBuilder().add("NOPE"))
                .add("audience", "MEMBERS")
                .add("sharedWithUnion", true)
                .add("municipalities", Json.createArrayBuilder().add("12"))
                .build()
                .toString());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body())
        .contains(
            "\"field\":\"title\"",
            "\"field\":\"perex\"",
            "\"field\":\"topics\"",
            "\"field\":\"municipalities\"",
            "\"field\":\"sharedWithUnion\"");
    assertThat(api.post(SMOPK + "/articles", editor, "application/json", "{nope").status())
        .isEqualTo(400);
    assertThat(move("no-such-article", "IN_REVIEW", null, editor).status()).isEqualTo(404);
    assertThat(move("x", "FLYING", null, editor).status()).isEqualTo(400);
  }

  @Test
  void onlyEditorsAndAdminsOfTheAssociationWrite() {
    String body = article("Zákaz " + word(), "PUBLIC").build().toString();
    assertThat(api.post(SMOPK + "/articles", null, "application/json", body).status())
        .isEqualTo(401);
    assertThat(
            api.post(
                    SMOPK + "/articles",
                    Tokens.accessToken(SMOPK_OFFICIAL),
                    "application/json",
                    body)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(SMOPK + "/articles", Tokens.accessToken(SMOCR_ADMIN), "application/json", body)
                .status())
        .isEqualTo(403);
    assertThat(api.post(SMOPK + "/articles", admin, "application/json", body).status())
        .isEqualTo(201);
  }

  @Test
  void membersOnlyArticlesAndTheirFilesAreInvisibleToEveryoneElseByEveryPath() throws Exception {
    String word = word();
    String slug = publish(article("Neveřejný " + word, "MEMBERS"));
    String file =
        upload(slug, "LEAD_IMAGE", "foto.png", png(900, 600), "Náves obce").getString("id");
    String official = Tokens.accessToken(SMOPK_OFFICIAL);
    String otherAssociation = Tokens.accessToken(SMOCR_ADMIN);

    assertThat(search("neverejny " + word)).isEmpty();
    assertThat(api.get(SMOPK + "/articles?q=neverejny+" + word, official).body()).contains(slug);
    assertThat(api.get(SMOPK + "/articles?q=neverejny+" + word, otherAssociation).body())
        .doesNotContain(slug);
    assertThat(api.get(SMOPK + "/articles/" + slug, null).status()).isEqualTo(404);
    assertThat(api.get(SMOPK + "/articles/" + slug, otherAssociation).status()).isEqualTo(404);
    assertThat(api.get(SMOPK + "/articles/" + slug, official).status()).isEqualTo(200);
    assertThat(api.get(SMOCR + "/articles/" + slug, otherAssociation).status()).isEqualTo(404);

    assertThat(api.get(SMOPK + "/files/" + file, null).status()).isEqualTo(404);
    assertThat(api.get(SMOPK + "/files/" + file, otherAssociation).status()).isEqualTo(404);
    assertThat(api.get(SMOCR + "/files/" + file, otherAssociation).status()).isEqualTo(404);
    Api.Response forMember = api.get(SMOPK + "/files/" + file, official);
    assertThat(forMember.status()).isEqualTo(200);
    assertThat(forMember.header("Cache-Control")).contains("private");

    assertThat(api.get("/smopk/magazine/article?slug=" + slug, null).status()).isEqualTo(404);
    assertThat(api.get("/smocr/magazine/article?slug=" + slug, null).status()).isEqualTo(404);
    assertThat(api.get("/smopk/magazine?q=neverejny+" + word, null).body()).doesNotContain(slug);
    assertThat(api.get(SMOPK + "/feed/rss", null).body()).doesNotContain(slug);
    assertThat(api.get(SMOPK + "/feed/atom", official).body()).doesNotContain(slug);
  }

  @Test
  void filesAreTypedFromTheirBytesScaledAndServedWithCacheHeaders() throws Exception {
    String slug = publish(article("Soubory " + word(), "PUBLIC"));
    Api.Response html =
        uploadRaw(
            slug,
            "IMAGE",
            "fotka.jpg",
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
            "Fotka");
    assertThat(html.status()).isEqualTo(400);
    assertThat(html.body()).contains("\"field\":\"file\"");
    Api.Response noAlt = uploadRaw(slug, "IMAGE", "a.png", png(50, 50), "");
    assertThat(noAlt.status()).isEqualTo(400);
    assertThat(noAlt.body()).contains("\"field\":\"description\"");

    JsonObject image = upload(slug, "IMAGE", "velka.png", png(1600, 800), "Mapa cyklostezky");
    assertThat(image.getInt("width")).isEqualTo(1600);
    String id = image.getString("id");
    HttpResponse<byte[]> small = bytes(SMOPK + "/files/" + id + "?w=480", null);
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(small.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(small.body())).getWidth())
        .isEqualTo(480);
    String etag = small.headers().firstValue("ETag").orElseThrow();
    assertThat(small.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400");
    assertThat(small.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("inline; filename*=UTF-8''velka.png");
    assertThat(bytes(SMOPK + "/files/" + id + "?w=480", etag).statusCode()).isEqualTo(304);

    JsonObject pdf =
        upload(
            slug,
            "ATTACHMENT",
            "zprava.exe",
            "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1),
            "Závěrečná zpráva");
    assertThat(pdf.getString("mediaType")).isEqualTo("application/pdf");
    assertThat(pdf.getString("name")).isEqualTo("zprava.exe.pdf");
    assertThat(api.get(SMOPK + "/files/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    assertThat(api.get(SMOPK + "/files/not-a-uuid", null).status()).isEqualTo(404);
  }

  @Test
  void theFeedsCarryPublicArticlesInFullAndParseBackWithRome() throws Exception {
    String word = word();
    String slug =
        publish(article("Kanál " + word, "PUBLIC").add("body", "<p>Plný text " + word + "</p>"));
    for (String format : List.of("rss", "atom")) {
      Api.Response feed = api.get(SMOPK + "/feed/" + format, null);
      assertThat(feed.status()).isEqualTo(200);
      assertThat(feed.contentType()).startsWith("application/" + format + "+xml");
      SyndFeed parsed = new SyndFeedInput().build(new StringReader(feed.body()));
      SyndEntry entry =
          parsed.getEntries().stream()
              .filter(e -> e.getTitle().equals("Kanál " + word))
              .findFirst()
              .orElseThrow();
      assertThat(entry.getLink())
          .isEqualTo(Deployments.base(deployed) + "/smopk/magazine/article?slug=" + slug);
      assertThat(entry.getContents().get(0).getValue()).contains("Plný text " + word);
    }
  }

  @Test
  void anArticleSharedWithTheUnionAppearsThereReadOnlyAndCredited() {
    String word = word();
    String slug = publish(article("Sdílený " + word, "PUBLIC").add("sharedWithUnion", true));
    String unionAdmin = Tokens.accessToken(SMOCR_ADMIN);
    JsonObject listed =
        api.get(SMOCR + "/articles?q=sdileny+" + word, null)
            .json()
            .asJsonObject()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(listed.getString("slug")).isEqualTo(slug);
    assertThat(listed.getString("association")).isEqualTo("smopk");
    assertThat(listed.getBoolean("sharedByAnotherAssociation")).isTrue();
    String page = api.get("/smocr/magazine/article?slug=" + slug + "&from=smopk", null).body();
    assertThat(page).contains("Sdílený " + word, "Sdružení měst a obcí Plzeňského kraje");
    assertThat(api.get(SMOCR + "/feed/rss", null).body()).contains("Sdílený " + word);

    // The union's editors cannot change it: it is not theirs.
    assertThat(
            api.put(
                    SMOCR + "/articles/" + slug,
                    unionAdmin,
                    "application/json",
                    article("Převzato", "PUBLIC").add("version", 0).build().toString())
                .status())
        .isEqualTo(404);
    assertThat(move(slug, "ARCHIVED", null, editor).status()).isEqualTo(200);
    assertThat(api.get(SMOCR + "/articles?q=sdileny+" + word, null).body()).doesNotContain(slug);
    assertThat(api.get("/smocr/magazine/article?slug=" + slug + "&from=smopk", null).status())
        .isEqualTo(404);
  }

  // --- helpers ---

  static String word() {
    return "w" + UUID.randomUUID().toString().substring(0, 8);
  }

  static jakarta.json.JsonObjectBuilder article(String title, String audience) {
    JsonArrayBuilder topics = Json.createArrayBuilder().add("TRANSPORT");
    return Json.createObjectBuilder()
        .add("title", title)
        .add("perex", "Krátký úvod článku " + title + ".")
        .add("body", "<p>Text článku.</p>")
        .add("topics", topics)
        .add("audience", audience)
        .add("municipalities", Json.createArrayBuilder().add("540927"));
  }

  JsonObject create(String token, JsonObject body) {
    Api.Response r = api.post(SMOPK + "/articles", token, "application/json", body.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().asJsonObject();
  }

  JsonObject put(String slug, jakarta.json.JsonObjectBuilder body) {
    Api.Response r =
        api.put(SMOPK + "/articles/" + slug, editor, "application/json", body.build().toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonObject();
  }

  Api.Response move(String slug, String status, String at, String token) {
    jakarta.json.JsonObjectBuilder body = Json.createObjectBuilder().add("status", status);
    if (at != null) {
      body.add("at", at);
    }
    return api.post(
        SMOPK + "/articles/" + slug + "/status",
        token,
        "application/json",
        body.build().toString());
  }

  String publish(jakarta.json.JsonObjectBuilder article) {
    String slug = create(editor, article.build()).getString("slug");
    assertThat(move(slug, "IN_REVIEW", null, editor).status()).isEqualTo(200);
    Api.Response r = move(slug, "PUBLISHED", null, editor);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return slug;
  }

  List<String> search(String query) {
    return api
        .get(SMOPK + "/articles?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null)
        .json()
        .asJsonObject()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(a -> a.getString("slug"))
        .toList();
  }

  JsonObject upload(String slug, String use, String name, byte[] bytes, String description)
      throws Exception {
    Api.Response r = uploadRaw(slug, use, name, bytes, description);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().asJsonObject();
  }

  Api.Response uploadRaw(String slug, String use, String name, byte[] bytes, String description)
      throws Exception {
    String path =
        SMOPK
            + "/articles/"
            + slug
            + "/files?use="
            + use
            + "&name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "&description="
            + URLEncoder.encode(description, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Deployments.base(deployed) + path))
                    .header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new Api.Response(
        r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""), r);
  }

  HttpResponse<byte[]> bytes(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Deployments.base(deployed) + path));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static byte[] png(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(0, 0, width / 2, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
