package eu.municipia.union;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.platform.entity.CountryForm;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.SessionLogin;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A second country on the same deployment: a platform admin imports a Slovak register (the country
 * chosen at import; one of its codes is also a Czech code, and both stay, each in its country),
 * creates a Slovak union and an association of the Trnava region under it, and the union's figures
 * count the Slovak register only.
 */
@MunicipiaIT
class SecondCountryIT {

  static final int YEAR = LocalDate.now(ZoneOffset.UTC).getYear();

  /** Plzeň's Czech code, here a Slovak municipality's: codes are unique within a country only. */
  static final String SHARED_CODE = "554791";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  @Test
  void aSlovakRegisterAndUnionBesideTheCzechOnes() throws SQLException {
    Api api = new Api(Deployments.base(deployed));
    String platform = Tokens.accessToken(PLATFORM_ADMIN);
    Api.Response imported =
        api.post(
            "/api/v1/platform/municipalities/imports?year=2025&country=SK",
            platform,
            "text/csv",
            "code,name,district,region,population,lat,lon\n"
                + SHARED_CODE
                + ",Testovce,Trnava,Trnavský kraj,1000,48.37,17.58\n"
                + "999001,Druhovce,Trnava,Trnavský kraj,2000,48.40,17.60\n"
                + "999002,Tretiakovo,Senica,Trnavský kraj,500,48.68,17.36\n");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(
            api.post(
                    "/api/v1/platform/municipalities/imports?year=2025&country=XX",
                    platform,
                    "text/csv",
                    "code,name,district,region,population,lat,lon\n")
                .status())
        .as("a country the platform does not take")
        .isEqualTo(400);

    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String union = "test-zmos-" + suffix;
    String child = "test-trnava-" + suffix;
    assertThat(create(api, platform, union, "UNION", null, null).status()).isEqualTo(201);
    Api.Response created = create(api, platform, child, "ASSOCIATION", union, "Trnavský kraj");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Api.Response czechRegion =
        create(api, platform, child + "x", "ASSOCIATION", union, "Plzeňský kraj");
    assertThat(czechRegion.status()).as("a Czech region is none of Slovakia's").isEqualTo(400);

    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        PreparedStatement member =
            c.prepareStatement(
                "INSERT INTO membership (id, tenant_id, country, code, status, since)"
                    + " VALUES (gen_random_uuid(), ?, 'SK', ?, 'ACTIVE', DATE '2020-01-01')")) {
      member.setString(1, child);
      member.setString(2, SHARED_CODE);
      member.executeUpdate();
    }
    try (KeycloakAdmin.TestUser admin =
        KeycloakAdmin.createMember(union, union + "-analyst", Tokens.PASSWORD)) {
      grantUnionAnalyst(union, admin.id(), admin.username());
      String token = Tokens.accessToken(admin.username());
      String years = "?from=" + YEAR + "&to=" + YEAR;
      Api.Response members = api.get("/api/v1/tenants/" + union + "/union/members" + years, token);
      assertThat(members.status()).as(members.body()).isEqualTo(200);
      JsonObject row = UnionIT.row(members.json().asJsonObject(), child, YEAR);
      assertThat(row.getInt("municipalities")).isEqualTo(1);
      assertThat(row.getInt("population")).as("the Slovak 554791, not Plzeň").isEqualTo(1000);
      assertThat(row.getInt("regionPopulation")).isEqualTo(3500);
      JsonObject coverage =
          UnionIT.row(
              api.get("/api/v1/tenants/" + union + "/union/coverage" + years, token)
                  .json()
                  .asJsonObject(),
              child,
              YEAR);
      assertThat(coverage.getInt("municipalitiesCovered")).isEqualTo(1);
      assertThat(coverage.getInt("municipalitiesNotCovered")).isEqualTo(2);
      assertThat(coverage.getInt("districtsPartly")).as("Trnava").isEqualTo(1);
      assertThat(coverage.getInt("districtsNot")).as("Senica").isEqualTo(1);
    }
  }

  /** German terms, as a platform admin gives them with the first import of Germany's register. */
  static final String GERMAN_TERMS =
      "&nameCs=N%C4%9Bmecko&nameEn=Germany"
          + "&regionCs="
          + encode("spolková země, spolkové země, spolkové zemi, spolkové země, spolkových zemí")
          + "&regionEn="
          + encode("state, states")
          + "&districtCs="
          + encode("zemský okres, zemského okresu, zemském okrese, zemské okresy, zemských okresů")
          + "&districtEn="
          + encode("rural district, rural districts")
          + "&authorityCs="
          + encode("Destatis")
          + "&authorityEn="
          + encode("the Federal Statistical Office (Destatis)");

  static final String GERMAN_REGISTER =
      "code,name,district,region,population,lat,lon\n"
          + "09188117,Testdorf,Starnberg,Bayern,1000,47.99,11.34\n"
          + "09188118,Zweitdorf,Starnberg,Bayern,2000,47.98,11.30\n"
          + "09190119,Drittdorf,Weilheim-Schongau,Bayern,500,47.84,11.14\n";

  /**
   * A country the platform does not know yet comes with its own terms, checked field by field; then
   * the pages of its association and its union's dashboard speak of "zemské okresy" and "spolková
   * země" (in English of "rural districts" and the "state"), while a Czech association still speaks
   * of "okresy" and the Slovak one of its own (seeded) terms.
   */
  @Test
  void aNewCountrysTermsOnItsPagesAndItsUnionsDashboardTheCzechOnesStay() throws Exception {
    Api api = new Api(Deployments.base(deployed));
    String platform = Tokens.accessToken(PLATFORM_ADMIN);
    String imports = "/api/v1/platform/municipalities/imports?year=2025&country=DE";

    Api.Response noTerms = api.post(imports, platform, "text/csv", GERMAN_REGISTER);
    assertThat(noTerms.status()).as(noTerms.body()).isEqualTo(400);
    assertThat(noTerms.contentType()).startsWith("application/problem+json");
    assertThat(fields(noTerms))
        .as("a new country needs every term")
        .containsExactlyElementsOf(CountryForm.FIELDS);
    Api.Response badUnit =
        api.post(
            imports + GERMAN_TERMS.replace("&districtEn=rural", "&districtEn=%7Bx%7D%2Crural"),
            platform,
            "text/csv",
            GERMAN_REGISTER);
    assertThat(badUnit.status()).as(badUnit.body()).isEqualTo(400);
    assertThat(fields(badUnit)).containsExactly("districtEn");
    assertThat(
            badUnit
                .json()
                .asJsonObject()
                .getJsonArray("errors")
                .getJsonObject(0)
                .getString("message"))
        .contains("two, separated by commas");
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT (SELECT count(*) FROM country WHERE code = 'DE')"
                    + " + (SELECT count(*) FROM municipality WHERE country = 'DE')");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertThat(rs.getInt(1)).as("a refused import changes nothing (the stack is fresh)").isZero();
    }

    Api.Response imported = api.post(imports + GERMAN_TERMS, platform, "text/csv", GERMAN_REGISTER);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT changed_by, before_state IS NULL, after_state->>'districtEn'"
                    + " FROM country_change WHERE code = 'DE' ORDER BY id DESC LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      assertThat(rs.next()).as("the change is recorded").isTrue();
      assertThat(rs.getString(1)).isNotBlank();
      assertThat(rs.getString(3)).contains("rural district");
    }

    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String union = "test-dst-" + suffix;
    String child = "test-bayern-" + suffix;
    assertThat(create(api, platform, union, "UNION", null, null, "DE").status()).isEqualTo(201);
    Api.Response created = create(api, platform, child, "ASSOCIATION", union, "Bayern", "DE");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        PreparedStatement member =
            c.prepareStatement(
                "INSERT INTO membership (id, tenant_id, country, code, status, since)"
                    + " VALUES (gen_random_uuid(), ?, 'DE', '09188117', 'ACTIVE', DATE '2020-01-01')")) {
      member.setString(1, child);
      member.executeUpdate();
    }

    // The figures come from the association's own country's register, not from Czechia's.
    JsonObject figures =
        api.get("/api/v1/tenants/" + child + "/coverage", null).json().asJsonObject();
    assertThat(figures.getInt("municipalities")).isEqualTo(3);
    assertThat(figures.getInt("members")).isEqualTo(1);
    assertThat(figures.getJsonNumber("population").longValue()).isEqualTo(3500);
    assertThat(
            figures.getJsonArray("districts").stream()
                .map(d -> d.asJsonObject().getString("district"))
                .toList())
        .containsExactly("Starnberg", "Weilheim-Schongau");
    String directory = page(api, "/" + child + "/directory");
    assertThat(directory).contains("Všechny zemské okresy").doesNotContain("Všechny okresy");
    String coverage = page(api, "/" + child + "/coverage");
    assertThat(coverage)
        .contains("Pokrytí podle zemských okresů", "Obcí v zemském okrese", ">Zemský okres<");
    String english = page(api, "/" + child + "/coverage?lang=en");
    assertThat(english)
        .contains(
            "Coverage of the state",
            "Coverage by rural district",
            "Municipalities in the rural district");
    assertThat(page(api, "/smopk/directory"))
        .as("a Czech association still says okres")
        .contains("Všechny okresy")
        .doesNotContain("zemsk");
    assertThat(page(api, "/smopk/coverage")).contains("Pokrytí podle okresů", "Obcí v okrese");
    URI base = Deployments.base(deployed);
    HttpClient admin = SessionLogin.logIn(base, "/platform/register", PLATFORM_ADMIN);
    assertThat(get(admin, base, "/platform/register?country=DE"))
        .as("the import page of the country chosen")
        .contains("Nahrajte tabulku Destatis", "zemský okres, zemského okresu");
    assertThat(get(admin, base, "/platform/register?country=SK"))
        .contains("Nahrajte tabulku ŠÚ SR");
    assertThat(get(admin, base, "/platform/register")).contains("Nahrajte tabulku ČSÚ");

    try (KeycloakAdmin.TestUser analyst =
        KeycloakAdmin.createMember(union, union + "-analyst", Tokens.PASSWORD)) {
      grantUnionAnalyst(union, analyst.id(), analyst.username());
      HttpClient session = SessionLogin.logIn(base, "/" + union + "/union", analyst.username());
      assertThat(get(session, base, "/" + union + "/union?from=" + YEAR + "&to=" + YEAR))
          .contains(
              "Obyvatel spolkové země",
              "Zemské okresy plně",
              "Pokrytí obcí a zemských okresů",
              "Členské obce zemského okresu")
          .doesNotContain("{district", "{region", "Obyvatel kraje");
    }
  }

  /** A page in a logged-in session. */
  private static String get(HttpClient session, URI base, String path) throws Exception {
    HttpResponse<String> page =
        session.send(
            HttpRequest.newBuilder(base.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(path).isEqualTo(200);
    return page.body();
  }

  /** A page as anonymous, in Czech unless it asks for another language. */
  private static String page(Api api, String path) {
    Api.Response page = api.get(path, null);
    assertThat(page.status()).as(path).isEqualTo(200);
    return page.body();
  }

  private static java.util.List<String> fields(Api.Response r) {
    return r.json().asJsonObject().getJsonArray("errors").stream()
        .map(e -> e.asJsonObject().getString("field"))
        .toList();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static Api.Response create(
      Api api, String token, String slug, String kind, String parent, String region) {
    return create(api, token, slug, kind, parent, region, "SK");
  }

  private static Api.Response create(
      Api api,
      String token,
      String slug,
      String kind,
      String parent,
      String region,
      String country) {
    return api.post(
        "/api/v1/platform/associations",
        token,
        "application/json",
        "{\"slug\":\""
            + slug
            + "\",\"nameCs\":\"Test "
            + slug
            + "\",\"nameEn\":\"Test "
            + slug
            + "\",\"kind\":\""
            + kind
            + "\",\"country\":\""
            + country
            + "\""
            + (parent == null ? "" : ",\"parent\":\"" + parent + "\"")
            + (region == null ? "" : ",\"region\":\"" + region + "\"")
            + ",\"adminEmail\":\""
            + slug
            + "@example.sk\"}");
  }

  /** The union's analyst, granted as a union admin grants roles (the rows the grant writes). */
  private static void grantUnionAnalyst(String union, String subject, String username)
      throws SQLException {
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        PreparedStatement person =
            c.prepareStatement(
                "INSERT INTO person (id, tenant_id, issuer, subject, username, first_seen,"
                    + " last_seen) VALUES (gen_random_uuid(), ?, ?, ?, ?, now(), now())");
        PreparedStatement role =
            c.prepareStatement(
                "INSERT INTO role_grant (id, tenant_id, issuer, subject, role, granted_by,"
                    + " granted_at) VALUES (gen_random_uuid(), ?, ?, ?, 'UNION_ANALYST', 'test',"
                    + " now())")) {
      person.setString(1, union);
      person.setString(2, TestStack.get().issuer());
      person.setString(3, subject);
      person.setString(4, username);
      person.executeUpdate();
      role.setString(1, union);
      role.setString(2, TestStack.get().issuer());
      role.setString(3, subject);
      role.executeUpdate();
    }
  }
}
