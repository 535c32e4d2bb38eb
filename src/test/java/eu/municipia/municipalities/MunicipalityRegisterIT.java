package eu.municipia.municipalities;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared municipality register: the public search, and the platform admin's import of the
 * statistics office's table (the full 6,258-row file where ../shared/data has it).
 */
@MunicipiaIT
class MunicipalityRegisterIT {

  private static final String IMPORT = "/api/v1/platform/municipalities/imports?year=";
  private static final String HEADER = "code,name,district,region,population,lat,lon\n";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(Deployments.base(deployed));
  }

  @Test
  void theDemoRegisterIsSearchableWithoutAccents() {
    JsonObject page = search("q=cila").json().asJsonObject();

    assertThat(page.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(1);
    JsonObject cila = page.getJsonArray("items").getJsonObject(0);
    assertThat(cila.getString("name")).isEqualTo("Čilá");
    assertThat(cila.getString("district")).isEqualTo("Rokycany");
    assertThat(cila.getInt("population")).isEqualTo(19);
  }

  @Test
  void searchWordsAreLiteralAndPagingIsChecked() {
    assertThat(search("q=%25").json().asJsonObject().getJsonNumber("total").longValue()).isZero();
    Api.Response bad = search("limit=0");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"limit\"");
  }

  @Test
  void theFullTableImportsWithTheFilesOwnSumsAndASecondImportChangesNothing() throws Exception {
    Path table =
        Path.of(System.getProperty("shared.data.dir", "../shared/data"), "cz-municipalities.csv");
    assumeTrue(
        Files.isRegularFile(table),
        "Skipped: " + table + " is absent (the shared reference data lives beside the project)");
    String csv = Files.readString(table);
    String admin = Tokens.accessToken(PLATFORM_ADMIN);

    Api.Response first = api.post(IMPORT + 2025, admin, "text/csv", csv);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    JsonObject report = first.json().asJsonObject();
    assertThat(report.getInt("rowsRead")).isEqualTo(6258);
    assertThat(report.getJsonNumber("population").longValue()).isEqualTo(10_909_500L);

    JsonObject second = api.post(IMPORT + 2025, admin, "text/csv", csv).json().asJsonObject();
    assertThat(second.getInt("created")).isZero();
    assertThat(second.getInt("renamed")).isZero();
    assertThat(second.getInt("moved")).isZero();
    assertThat(second.getInt("populationChanged")).isZero();

    List<JsonObject> plzenRegion = all("region=" + encode("Plzeňský kraj"));
    assertThat(plzenRegion).hasSize(501);
    assertThat(plzenRegion.stream().mapToLong(m -> m.getInt("population")).sum())
        .isEqualTo(614_640L);
    assertThat(
            one("q=" + encode("Plzeň") + "&district=" + encode("Plzeň-město")).getInt("population"))
        .isEqualTo(187_928);
  }

  @Test
  void aMalformedTableIsRefusedWithLineAndColumnAndNothingIsImported() {
    String csv =
        HEADER
            + "999001,Testovice,Rokycany,Plzeňský kraj,120,49.9,13.7\n"
            + "999002,Chybov,Rokycany,Plzeňský kraj,sto,49.9,13.7\n";

    Api.Response r = api.post(IMPORT + 2025, Tokens.accessToken(PLATFORM_ADMIN), "text/csv", csv);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonObject error = r.json().asJsonObject().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).isEqualTo("population");
    assertThat(error.getString("message")).startsWith("Line 3, column 5 (population)");
    assertThat(search("q=Testovice").json().asJsonObject().getJsonNumber("total").longValue())
        .as("the valid first row was not imported either")
        .isZero();
  }

  @Test
  void anAsyncImportIsAJobThatReportsItsProgressUntilDone() throws InterruptedException {
    String admin = Tokens.accessToken(PLATFORM_ADMIN);
    // Rows exactly as in the demo register, so nothing else changes.
    String csv =
        HEADER
            + "540927,Čilá,Rokycany,Plzeňský kraj,19,49.961766,13.742166\n"
            + "578606,Lhůta,Plzeň-město,Plzeňský kraj,215,49.701370,13.528910\n";
    Api.Response started = api.post(IMPORT + "2025&async=true", admin, "text/csv", csv);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    JsonObject job = started.json().asJsonObject();
    assertThat(job.getInt("total")).isEqualTo(2);
    String path = "/api/v1/platform/municipalities/imports/jobs/" + job.getString("id");
    assertThat(started.header("Location")).endsWith(path);

    JsonObject status = job;
    for (int i = 0; i < 100 && "RUNNING".equals(status.getString("state")); i++) {
      Thread.sleep(100);
      status = api.get(path, admin).json().asJsonObject();
    }
    assertThat(status.getString("state")).isEqualTo("DONE");
    assertThat(status.getInt("done")).isEqualTo(2);
    assertThat(status.getJsonObject("report").getInt("rowsRead")).isEqualTo(2);

    assertThat(api.get(path, Tokens.accessToken(SMOPK_ADMIN)).status()).isEqualTo(403);
    assertThat(api.get(path, null).status()).isEqualTo(401);
    assertThat(
            api.get(
                    "/api/v1/platform/municipalities/imports/jobs/" + java.util.UUID.randomUUID(),
                    admin)
                .status())
        .isEqualTo(404);
    Api.Response malformed =
        api.post(IMPORT + "2025&async=true", admin, "text/csv", HEADER + "1,x\n");
    assertThat(malformed.status()).as("checked before the job starts").isEqualTo(400);
  }

  @Test
  void aJobLivesInTheDatabaseSoAnyReplicaKnowsItAndOneWhoseReplicaDiedIsSeenToHaveStopped()
      throws Exception {
    String admin = Tokens.accessToken(PLATFORM_ADMIN);
    java.util.UUID orphan = java.util.UUID.randomUUID();
    // A job another replica started and then lost: it has not moved for half an hour.
    try (java.sql.Connection c = eu.municipia.testing.TestStack.get().database().owner();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO register_import_job (id, country, year, started_by, started_at,"
                    + " updated_at, state, done, total) VALUES (?, 'CZ', 2025, 'elsewhere',"
                    + " now() - interval '40 minutes', now() - interval '30 minutes', 'RUNNING',"
                    + " 500, 6258)")) {
      ps.setObject(1, orphan);
      ps.executeUpdate();
    }
    JsonObject status =
        api.get("/api/v1/platform/municipalities/imports/jobs/" + orphan, admin)
            .json()
            .asJsonObject();
    assertThat(status.getString("state")).isEqualTo("FAILED");
    assertThat(status.getInt("done")).isEqualTo(500);
    assertThat(status.getString("error")).contains("changed nothing");
  }

  @Test
  void aTableLargerThanTheLimitIsRefusedWith413WithoutReadingItAll() throws Exception {
    String admin = Tokens.accessToken(PLATFORM_ADMIN);
    StringBuilder csv = new StringBuilder(HEADER);
    for (int code = 100000; csv.length() < 11 * 1024 * 1024; code++) {
      csv.append(code).append(",Zkušebnice,Rokycany,Plzeňský kraj,19,49.961766,13.742166\n");
    }
    // As a browser or curl sends a large file: it asks first (Expect: 100-continue).
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        Deployments.base(deployed).resolve(IMPORT + 2025))
                    .expectContinue(true)
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "text/csv")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv.toString()))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.body()).contains("\"field\":\"file\"");
  }

  @Test
  void onlyPlatformAdminsImport() {
    String csv = HEADER + "999003,Zkušebnice,Rokycany,Plzeňský kraj,1,,\n";

    assertThat(api.post(IMPORT + 2025, null, "text/csv", csv).status()).isEqualTo(401);
    assertThat(api.post(IMPORT + 2025, Tokens.accessToken(SMOPK_ADMIN), "text/csv", csv).status())
        .isEqualTo(403);
    assertThat(
            search("q=" + encode("Zkušebnice"))
                .json()
                .asJsonObject()
                .getJsonNumber("total")
                .longValue())
        .isZero();
  }

  @Test
  void anImportNeedsItsYear() {
    Api.Response r =
        api.post(
            "/api/v1/platform/municipalities/imports",
            Tokens.accessToken(PLATFORM_ADMIN),
            "text/csv",
            HEADER + "540927,Čilá,Rokycany,Plzeňský kraj,19,,\n");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"field\":\"year\"");
  }

  private Api.Response search(String query) {
    return api.get("/api/v1/municipalities?" + query, null);
  }

  private JsonObject one(String query) {
    return search(query).json().asJsonObject().getJsonArray("items").getJsonObject(0);
  }

  private List<JsonObject> all(String query) {
    List<JsonObject> found = new java.util.ArrayList<>();
    for (int offset = 0; ; offset += 500) {
      JsonObject page = search(query + "&limit=500&offset=" + offset).json().asJsonObject();
      page.getJsonArray("items").stream().map(JsonValue::asJsonObject).forEach(found::add);
      if (offset + 500 >= page.getJsonNumber("total").longValue()) {
        return found;
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
