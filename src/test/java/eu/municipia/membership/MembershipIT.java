package eu.municipia.membership;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Memberships through the API: the public directory, the admin's lifecycle (add, suspend,
 * reinstate, end, rejoin) with history and audit, coverage, and who may do what. Each test uses
 * municipalities of the demo register that no other test touches.
 */
@MunicipiaIT
class MembershipIT {

  // Small municipalities of the demo register that are not demo members (under 300 people).
  private static final String LHUTA = "578606"; // Lhůta, Plzeň-město, 215
  private static final String BLAZIM = "566764"; // Blažim, Plzeň-sever, 64
  private static final String BOHY = "566471"; // Bohy, Plzeň-sever, 125
  private static final String KOPIDLO = "559024"; // Kopidlo, Plzeň-sever, 148
  private static final String KORYTA = "559032"; // Koryta, Plzeň-sever, 123
  private static final String MAP = "/api/v1/tenants/smopk/members/map";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  String admin;

  @BeforeEach
  void api() {
    api = new Api(Deployments.base(deployed));
    admin = Tokens.accessToken(SMOPK_ADMIN);
  }

  @Test
  void theDemoMembersAreInThePublicDirectoryAndSearchIgnoresAccents() {
    JsonObject all = directory("smopk", "", null).json().asJsonObject();
    assertThat(all.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(90);

    JsonArray cila = directory("smopk", "q=cila", null).json().asJsonObject().getJsonArray("items");
    assertThat(names(cila)).containsExactly("Čilá");
    assertThat(cila.getJsonObject(0).getInt("population")).isEqualTo(19);

    JsonArray largest =
        directory("smopk", "sort=population&limit=1", null)
            .json()
            .asJsonObject()
            .getJsonArray("items");
    assertThat(names(largest)).containsExactly("Plzeň");
  }

  @Test
  void anotherAssociationsDirectoryDoesNotShowTheseMembers() {
    JsonObject smocr = directory("smocr", "q=cila", null).json().asJsonObject();
    assertThat(smocr.getJsonNumber("total").longValue()).isZero();
  }

  @Test
  void anAdminRunsAMembershipThroughItsLifeAndEveryStepIsHistory() {
    String path = "/api/v1/tenants/smopk/members";
    Api.Response added = api.post(path, admin, "application/json", json(LHUTA, "2024-01-01"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(inDirectory(LHUTA)).isTrue();

    assertThat(status(LHUTA, "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid dues\"}").status())
        .isEqualTo(200);
    assertThat(inDirectory(LHUTA)).as("suspended members are not public").isFalse();
    assertThat(status(LHUTA, "{\"status\":\"SUSPENDED\"}").status())
        .as("suspending twice")
        .isEqualTo(409);
    assertThat(status(LHUTA, "{\"status\":\"ACTIVE\"}").status()).isEqualTo(200);
    Api.Response early = status(LHUTA, "{\"status\":\"LEFT\",\"date\":\"2023-12-31\"}");
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body()).contains("\"field\":\"date\"");
    assertThat(
            status(LHUTA, "{\"status\":\"LEFT\",\"date\":\"2025-12-31\",\"reason\":\"left\"}")
                .status())
        .isEqualTo(200);
    assertThat(inDirectory(LHUTA)).isFalse();
    assertThat(api.post(path, admin, "application/json", json(LHUTA, "2026-01-01")).status())
        .as("rejoining")
        .isEqualTo(201);

    JsonArray history = api.get(path + "/" + LHUTA + "/history", admin).json().asJsonArray();
    assertThat(history.stream().map(e -> e.asJsonObject().getString("to")).toList())
        .containsExactly("ACTIVE", "SUSPENDED", "ACTIVE", "LEFT", "ACTIVE");
    assertThat(history.getJsonObject(1).getString("reason")).isEqualTo("unpaid dues");

    JsonArray audit =
        api.get("/api/v1/tenants/smopk/audit?limit=5", admin)
            .json()
            .asJsonObject()
            .getJsonArray("items");
    assertThat(audit.getJsonObject(0).getString("action")).isEqualTo("membership.rejoined");
    assertThat(audit.getJsonObject(0).getString("before")).contains("\"status\":\"LEFT\"");
  }

  @Test
  void coverageCountsANewMemberAndItsPopulation() {
    JsonObject before = coverage();
    int population =
        api.get("/api/v1/municipalities?q=Bla%C5%BEim&district=Plze%C5%88-sever", null)
            .json()
            .asJsonObject()
            .getJsonArray("items")
            .getJsonObject(0)
            .getInt("population");

    api.post(
        "/api/v1/tenants/smopk/members", admin, "application/json", json(BLAZIM, "2025-05-01"));

    JsonObject after = coverage();
    assertThat(after.getString("region")).isEqualTo("Plzeňský kraj");
    assertThat(after.getInt("members")).isEqualTo(before.getInt("members") + 1);
    assertThat(after.getJsonNumber("coveredPopulation").longValue())
        .isEqualTo(before.getJsonNumber("coveredPopulation").longValue() + population);
    assertThat(after.getJsonObject("largest").getString("name")).isEqualTo("Plzeň");
    assertThat(after.getJsonObject("smallest").getString("name")).isEqualTo("Čilá");
    assertThat(after.getJsonArray("districts")).isNotEmpty();
  }

  @Test
  void theMapShowsEveryActiveMemberAtItsRegisterPointToAnyone() {
    Api.Response r = api.get(MAP, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    JsonArray points = r.json().asJsonArray();

    assertThat(codes(points)).containsExactlyInAnyOrderElementsOf(activeMemberCodes());
    JsonObject cila = point(points, "540927");
    assertThat(cila.getString("name")).isEqualTo("Čilá");
    assertThat(cila.getInt("population")).isEqualTo(19);
    assertThat(cila.getJsonNumber("lat").doubleValue()).isBetween(49.0, 50.5);
    assertThat(cila.getJsonNumber("lon").doubleValue()).isBetween(12.0, 14.5);
    assertThat(points.getJsonObject(0).getString("name")).as("largest first").isEqualTo("Plzeň");
  }

  @Test
  void theMapShowsOnlyActiveMembers() {
    String path = "/api/v1/tenants/smopk/members";
    assertThat(api.post(path, admin, "application/json", json(KOPIDLO, "2025-02-01")).status())
        .isEqualTo(201);
    assertThat(api.post(path, admin, "application/json", json(KORYTA, "2025-02-01")).status())
        .isEqualTo(201);
    assertThat(status(KORYTA, "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid dues\"}").status())
        .isEqualTo(200);

    List<String> onTheMap = codes(api.get(MAP, null).json().asJsonArray());

    assertThat(onTheMap).contains(KOPIDLO).doesNotContain(KORYTA);
  }

  @Test
  void anotherAssociationsMapShowsNoneOfTheseMembers() {
    Api.Response smocr = api.get("/api/v1/tenants/smocr/members/map", null);
    assertThat(smocr.status()).isEqualTo(200);

    assertThat(codes(smocr.json().asJsonArray())).doesNotContainAnyElementsOf(activeMemberCodes());
    assertThat(api.get("/api/v1/tenants/nosuch/members/map", null).status()).isEqualTo(404);
  }

  @Test
  void badInputIsABadRequestNamingTheField() {
    String path = "/api/v1/tenants/smopk/members";
    assertThat(api.post(path, admin, "application/json", json("12", "2025-01-01")).body())
        .contains("\"field\":\"code\"");
    assertThat(api.post(path, admin, "application/json", json("999999", "2025-01-01")).body())
        .contains("\"field\":\"code\"");
    assertThat(api.post(path, admin, "application/json", "{\"code\":\"" + BOHY + "\"}").body())
        .contains("\"field\":\"since\"");
    assertThat(directory("smopk", "sort=size", null).status()).isEqualTo(400);
    assertThat(status(BOHY, "{\"status\":\"ACTIVE\"}").status())
        .as("not a member here")
        .isEqualTo(404);
  }

  @Test
  void onlyTheAssociationsAdminsChangeMembershipsAndOnlyMembersSeeOtherStatuses() {
    String path = "/api/v1/tenants/smopk/members";
    String body = json(BOHY, "2025-01-01");
    assertThat(api.post(path, null, "application/json", body).status()).isEqualTo(401);
    assertThat(
            api.post(path, Tokens.accessToken(SMOPK_OFFICIAL), "application/json", body).status())
        .isEqualTo(403);
    assertThat(api.post(path, Tokens.accessToken(SMOCR_ADMIN), "application/json", body).status())
        .isEqualTo(403);
    assertThat(api.get(path + "/540927/history", Tokens.accessToken(SMOPK_OFFICIAL)).status())
        .isEqualTo(403);
    assertThat(directory("smopk", "status=LEFT", null).status()).isEqualTo(403);
    assertThat(directory("smopk", "status=LEFT", Tokens.accessToken(SMOPK_OFFICIAL)).status())
        .isEqualTo(200);
    assertThat(inDirectory(BOHY)).isFalse();
  }

  private Api.Response directory(String tenant, String query, String token) {
    return api.get("/api/v1/tenants/" + tenant + "/members?" + query, token);
  }

  private boolean inDirectory(String code) {
    JsonArray items =
        directory("smopk", "limit=500", null).json().asJsonObject().getJsonArray("items");
    return items.stream().anyMatch(m -> m.asJsonObject().getString("code").equals(code));
  }

  private List<String> activeMemberCodes() {
    JsonObject page = directory("smopk", "limit=500", null).json().asJsonObject();
    assertThat(page.getJsonNumber("total").longValue()).isLessThanOrEqualTo(500);
    return codes(page.getJsonArray("items"));
  }

  private static List<String> codes(JsonArray items) {
    return items.stream().map(JsonValue::asJsonObject).map(m -> m.getString("code")).toList();
  }

  private static JsonObject point(JsonArray points, String code) {
    return points.stream()
        .map(JsonValue::asJsonObject)
        .filter(p -> p.getString("code").equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError(code + " is not on the map"));
  }

  @Test
  void anOrganizationIsAMemberByItsIcoAndHasNoPopulation() {
    String ico = "70893012";
    String path = "/api/v1/tenants/smopk/members";
    JsonObject before = coverage();

    Api.Response badIco =
        api.post(path, admin, "application/json", organization("70893013", "MICROREGION"));
    assertThat(badIco.status()).isEqualTo(400);
    assertThat(badIco.body()).contains("\"field\":\"ico\"");
    Api.Response badKind = api.post(path, admin, "application/json", organization(ico, "CITY"));
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.body()).contains("\"field\":\"kind\"");
    assertThat(
            api.post(
                    path,
                    Tokens.accessToken(SMOPK_OFFICIAL),
                    "application/json",
                    organization(ico, "MICROREGION"))
                .status())
        .isEqualTo(403);

    Api.Response added =
        api.post(path, admin, "application/json", organization(ico, "MICROREGION"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().asJsonObject().getString("code")).isEqualTo(ico);

    JsonArray found =
        directory("smopk", "q=uhlava", null).json().asJsonObject().getJsonArray("items");
    assertThat(names(found)).containsExactly("Mikroregion Úhlava");
    assertThat(found.getJsonObject(0).getString("code")).isEqualTo(ico);
    assertThat(
            found.getJsonObject(0).containsKey("population")
                && !found.getJsonObject(0).isNull("population"))
        .as("an organization has no population")
        .isFalse();
    assertThat(directory("smocr", "q=uhlava", null).json().asJsonObject().getInt("total")).isZero();

    JsonObject after = coverage();
    assertThat(after.getInt("members")).isEqualTo(before.getInt("members"));
    assertThat(after.getJsonNumber("coveredPopulation").longValue())
        .isEqualTo(before.getJsonNumber("coveredPopulation").longValue());

    assertThat(status(ico, "{\"status\":\"SUSPENDED\",\"reason\":\"Neplatí\"}").status())
        .isEqualTo(200);
    assertThat(status(ico, "{\"status\":\"ACTIVE\"}").status()).isEqualTo(200);
    assertThat(api.get(path + "/" + ico + "/history", admin).json().asJsonArray()).hasSize(3);

    Api.Response contact =
        api.post(
            path + "/" + ico + "/officials",
            admin,
            "application/json",
            "{\"role\":\"CONTACT\",\"name\":\"Eva Dlouhá\",\"email\":\"manazerka@uhlava.example\"}");
    assertThat(contact.status()).as(contact.body()).isEqualTo(201);
    JsonObject withContacts =
        api.get(path + "/contacts?q=uhlava", Tokens.accessToken(SMOPK_OFFICIAL))
            .json()
            .asJsonObject()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(withContacts.getJsonArray("contacts").getJsonObject(0).getString("name"))
        .isEqualTo("Eva Dlouhá");
  }

  private static String organization(String ico, String kind) {
    return "{\"ico\":\""
        + ico
        + "\",\"name\":\"Mikroregion Úhlava\",\"kind\":\""
        + kind
        + "\",\"since\":\"2020-01-01\"}";
  }

  private Api.Response status(String code, String body) {
    return api.put(
        "/api/v1/tenants/smopk/members/" + code + "/status", admin, "application/json", body);
  }

  private JsonObject coverage() {
    return api.get("/api/v1/tenants/smopk/coverage", null).json().asJsonObject();
  }

  private static List<String> names(JsonArray items) {
    return items.stream().map(JsonValue::asJsonObject).map(m -> m.getString("name")).toList();
  }

  private static String json(String code, String since) {
    return "{\"code\":\"" + code + "\",\"since\":\"" + since + "\"}";
  }

  @Test
  void aListPageAskedForAPageBeyondTheEndShowsTheLastAndNonsenseShowsTheFirst() {
    // 25 members a page (95 demo members on the small register, 190 on the whole one): the page
    // after the last, by the first page's count. 99999999 used to overflow the offset (a 500).
    java.util.regex.Matcher pages =
        java.util.regex.Pattern.compile("Strana 1 z (\\d+)\\s*<")
            .matcher(api.get("/smopk/directory", null).body());
    assertThat(pages.find()).isTrue();
    String afterTheLast = String.valueOf(Integer.parseInt(pages.group(1)) + 1);
    for (String page : List.of("9999999", afterTheLast)) {
      Api.Response r = api.get("/smopk/directory?page=" + page, null);
      assertThat(r.status()).as(page).isEqualTo(200);
      assertThat(r.body()).as(page).containsPattern("Strana (\\d+) z \\1\\s*<");
    }
    for (String page :
        List.of("99999999", "2147483648", "99999999999999999999", "abc", "-5", "0", "")) {
      Api.Response r = api.get("/smopk/directory?page=" + page, null);
      assertThat(r.status()).as(page).isEqualTo(200);
      assertThat(r.body()).as(page).contains("Strana 1 z ");
    }
    // A NUL character is refused before any page sees it (NulCharacterFilter).
    assertThat(api.get("/smopk/directory?page=%00", null).status()).isEqualTo(400);
    Api.Response second = api.get("/smopk/directory?q=&sort=population&page=2", null);
    assertThat(second.body()).contains("Strana 2 z ").contains("sort=population&amp;page=3");
  }

  @Test
  void aParameterOfTheWrongTypeIsABadRequestNamingIt() {
    Api.Response offset = api.get("/api/v1/tenants/smopk/members?offset=abc", null);
    assertThat(offset.status()).as(offset.body()).isEqualTo(400);
    assertThat(offset.contentType()).startsWith("application/problem+json");
    assertThat(offset.body()).contains("\"field\":\"offset\"");

    Api.Response year =
        api.get("/api/v1/tenants/smopk/dues/twenty", Tokens.accessToken(SMOPK_ADMIN));
    assertThat(year.status()).as(year.body()).isEqualTo(400);
    assertThat(year.body()).contains("\"field\":\"year\"");
  }
}
