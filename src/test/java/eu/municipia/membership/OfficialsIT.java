package eu.municipia.membership;

import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Officials and contacts of members through the API, the members-only contacts, the admins' CSV
 * export, and a person's export and erasure of their data (GDPR), with who may do what. Each test
 * uses its own demo members.
 */
@MunicipiaIT
class OfficialsIT {

  private static final String CILA = "540927";
  private static final String DYSINA = "558851";
  private static final String KYSICE = "559130";
  private static final String LETKOV = "540561";
  private static final String STUDENA = "553603"; // not a member: applies in the GDPR test
  private static final String TYMAKOV = "558460";
  private static final String BASE = "/api/v1/tenants/smopk";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;
  Api api;
  String admin;
  String official;

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(deployed));
    admin = Tokens.accessToken(SMOPK_ADMIN);
    official = Tokens.accessToken(SMOPK_OFFICIAL);
  }

  @Test
  void anAdminRecordsOfficialsAndMembersSeeTheCurrentOnesAmongTheContacts() {
    JsonObject mayor =
        add(
            DYSINA,
            official("MAYOR", "Ivana Horáková", "starostka@dysina.example", "2022-10-01", null));
    add(DYSINA, official("DEPUTY_MAYOR", "Karel Beneš", null, "2018-10-01", "2022-09-30"));
    add(
        DYSINA,
        official("TWINNING_CONTACT", "Lenka Marková", "partnerstvi@dysina.example", null, null));

    JsonArray all =
        api.get(BASE + "/members/" + DYSINA + "/officials", official).json().asJsonArray();
    assertThat(all).hasSize(3);

    JsonObject row = contacts("q=dysina", official).getJsonArray("items").getJsonObject(0);
    assertThat(row.getJsonObject("member").getString("name")).isEqualTo("Dýšina");
    List<String> names = new ArrayList<>();
    for (JsonValue c : row.getJsonArray("contacts")) {
      names.add(c.asJsonObject().getString("name"));
    }
    assertThat(names)
        .as("the deputy's term has ended")
        .containsExactlyInAnyOrder("Ivana Horáková", "Lenka Marková");

    Api.Response changed =
        api.put(
            BASE + "/officials/" + mayor.getString("id"),
            admin,
            "application/json",
            official(
                "MAYOR", "Ivana Horáková", "starostka@dysina.example", "2022-10-01", "2026-10-31"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().asJsonObject().getString("termTo")).isEqualTo("2026-10-31");
    assertThat(api.get(BASE + "/audit?limit=100", admin).body())
        .contains("official.added", "official.changed")
        .as("the audit log keeps no personal data of officials")
        .doesNotContain("Horáková");
  }

  @Test
  void badOfficialsAreRefusedFieldByField() {
    Api.Response bad =
        api.post(
            BASE + "/members/" + CILA + "/officials",
            admin,
            "application/json",
            official("PRESIDENT", " ", "not-an-address", "2026-01-01", "2025-01-01"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(fields(bad)).containsExactlyInAnyOrder("role", "name", "email", "termTo");

    Api.Response notMember =
        api.post(
            BASE + "/members/566748/officials", // Slatina: not a member
            admin,
            "application/json",
            official("MAYOR", "Jan Novák", null, null, null));
    assertThat(notMember.status()).isEqualTo(404);
  }

  @Test
  void onlyMembersReadOfficialsAndOnlyTheAssociationsAdminsWriteOrExport() {
    String body = official("CONTACT", "Petr Malý", null, null, null);
    String path = BASE + "/members/" + CILA + "/officials";
    String otherAdmin = Tokens.accessToken(SMOCR_ADMIN);

    assertThat(api.get(path, null).status()).isEqualTo(401);
    assertThat(api.get(path, otherAdmin).status()).isEqualTo(403);
    assertThat(api.get(path, official).status()).isEqualTo(200);
    assertThat(api.post(path, null, "application/json", body).status()).isEqualTo(401);
    assertThat(api.post(path, official, "application/json", body).status()).isEqualTo(403);
    assertThat(api.post(path, otherAdmin, "application/json", body).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/tenants/smocr/members/" + CILA + "/officials", otherAdmin).status())
        .as("Čilá is no member of SMO ČR")
        .isEqualTo(404);

    assertThat(api.get(BASE + "/members/contacts", null).status()).isEqualTo(401);
    assertThat(api.get(BASE + "/members/contacts", otherAdmin).status()).isEqualTo(403);
    assertThat(api.get(BASE + "/members/export.csv", null).status()).isEqualTo(401);
    assertThat(api.get(BASE + "/members/export.csv", official).status()).isEqualTo(403);
    assertThat(api.get(BASE + "/members/export.csv", otherAdmin).status()).isEqualTo(403);
    assertThat(api.get(BASE + "/personal-data?email=a@b.example", official).status())
        .isEqualTo(403);
    assertThat(api.get(BASE + "/personal-data?email=a@b.example", otherAdmin).status())
        .isEqualTo(403);
    assertThat(api.get(BASE + "/personal-data?email=a@b.example", null).status()).isEqualTo(401);
  }

  @Test
  void theCsvExportListsEveryMemberWithItsContacts() {
    add(
        KYSICE,
        Json.createObjectBuilder()
            .add("role", "MAYOR")
            .add("name", "Hana Šťastná")
            .add("email", "starosta@kysice.example")
            .add("phone", "+420 377 911 111")
            .build()
            .toString());

    Api.Response csv = api.get(BASE + "/members/export.csv", admin);
    assertThat(csv.status()).as(csv.body()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("members-smopk.csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0])
        .isEqualTo("\uFEFFcode;name;district;population;status;since;until;contacts");
    // Čilá's contacts vary with the other tests (and its demo mayor); its member columns do not.
    assertThat(lines).anyMatch(l -> l.startsWith("540927;Čilá;Rokycany;19;ACTIVE;2004-03-01;;"));
    assertThat(csv.body())
        .contains(
            "559130;Kyšice;Plzeň-město;1121;ACTIVE;2004-03-01;;"
                + "MAYOR: Hana Šťastná <starosta@kysice.example> +420 377 911 111\r\n");
    long members = directoryTotal("ACTIVE,SUSPENDED,LEFT");
    assertThat(lines).hasSize((int) members + 1);
  }

  @Test
  void aPersonsDataIsExportedAndErasedButTheHistoryStays() {
    String email = "Vera.Svobodova@letkov.example";
    JsonObject added =
        add(LETKOV, official("SECRETARY", "Věra Svobodová", email, "2020-01-01", null));
    Api.Response applied =
        api.post(
            BASE + "/applications",
            null,
            "application/json",
            Json.createObjectBuilder()
                .add("code", STUDENA)
                .add("applicantName", "Věra Svobodová")
                .add("email", email)
                .add("consent", true)
                .build()
                .toString());
    assertThat(applied.status()).as(applied.body()).isEqualTo(202);
    MailServer mail = TestStack.get().mail().start();
    MailServer.Mail toConfirm =
        mail.await(m -> m.to().equalsIgnoreCase(email), Duration.ofSeconds(30));
    Api.Response confirmed =
        api.post(
            BASE + "/applications/confirmation",
            null,
            "application/json",
            "{\"token\":\"" + ApplicationsIT.tokenIn(toConfirm) + "\"}");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    mail.await(
        m -> m.to().equalsIgnoreCase(email) && m.subject().contains("přijata"),
        Duration.ofSeconds(30));

    JsonObject export = exportOf(email.toUpperCase());
    assertThat(export.getJsonArray("officials")).hasSize(1);
    assertThat(export.getJsonArray("officials").getJsonObject(0).getString("name"))
        .isEqualTo("Věra Svobodová");
    assertThat(export.getJsonArray("applications")).hasSize(1);
    assertThat(export.getJsonArray("messages")).hasSize(2); // the link to confirm, the receipt
    assertThat(export.getJsonArray("messages").getJsonObject(0).getString("body"))
        .contains("Studená");

    Api.Response unconfirmed =
        api.post(
            BASE + "/personal-data/erasure",
            admin,
            "application/json",
            "{\"email\":\"" + email + "\"}");
    assertThat(unconfirmed.status()).isEqualTo(400);
    assertThat(fields(unconfirmed)).containsExactly("confirm");
    assertThat(exportOf(email).getJsonArray("officials")).hasSize(1);

    Api.Response erased =
        api.post(
            BASE + "/personal-data/erasure",
            admin,
            "application/json",
            "{\"email\":\"" + email + "\",\"confirm\":true}");
    assertThat(erased.status()).as(erased.body()).isEqualTo(200);
    JsonObject counts = erased.json().asJsonObject();
    assertThat(counts.getInt("officials")).isEqualTo(1);
    assertThat(counts.getInt("applications")).isEqualTo(1);
    assertThat(counts.getInt("messages")).isEqualTo(2);

    JsonObject after = exportOf(email);
    assertThat(after.getJsonArray("officials")).isEmpty();
    assertThat(after.getJsonArray("applications")).isEmpty();
    assertThat(after.getJsonArray("messages")).isEmpty();

    JsonObject kept =
        api.get(BASE + "/members/" + LETKOV + "/officials", admin).json().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(o -> o.getString("id").equals(added.getString("id")))
            .findFirst()
            .orElseThrow();
    assertThat(kept.getString("role")).isEqualTo("SECRETARY");
    assertThat(kept.getString("termFrom")).isEqualTo("2020-01-01");
    assertThat(absent(kept, "name")).isTrue();
    assertThat(absent(kept, "email")).isTrue();
    assertThat(absent(kept, "erasedAt")).isFalse();
    JsonObject application =
        api.get(BASE + "/applications?limit=500", admin).json().asJsonArray().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("code").equals(STUDENA))
            .findFirst()
            .orElseThrow();
    assertThat(application.getString("status")).isEqualTo("SUBMITTED");
    assertThat(absent(application, "applicantName")).isTrue();
    assertThat(absent(application, "email")).isTrue();
    assertThat(api.get(BASE + "/members/" + LETKOV + "/history", admin).json().asJsonArray())
        .isNotEmpty();
    String audit = api.get(BASE + "/audit?limit=200", admin).body();
    assertThat(audit).contains("personal-data.exported", "personal-data.erased");
    assertThat(audit.toLowerCase()).doesNotContain(email.toLowerCase());
  }

  /**
   * The invitation's link is this server's address even when the request names another host: the
   * Host header is the client's to write. This deployment has no app.base-url, so the address is
   * http://localhost and the port of the socket the server accepted on.
   */
  @Test
  void anInvitationSentWithAForgedHostLinksToThisServerNotToTheForgedHost() {
    String email = "starosta." + System.nanoTime() + "@tymakov.example";
    JsonObject mayor = add(TYMAKOV, official("MAYOR", "Pavel Host", email, null, null));
    MailServer mail = TestStack.get().mail().start();

    // The request names another host twice: in its Host header and in its request target.
    String answer =
        api.raw(
            "POST http://evil.example"
                + BASE
                + "/officials/"
                + mayor.getString("id")
                + "/invitation HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
                + admin
                + "\r\nContent-Length: 0");

    assertThat(answer).startsWith("HTTP/1.1 200");
    MailServer.Mail ours =
        mail.await(
            m -> m.to().equals(email) && m.subject().contains("pozvánka"), Duration.ofSeconds(30));
    assertThat(ours.body())
        .contains("http://localhost:" + deployed.getPort() + "/smopk/members")
        .doesNotContain("evil.example");
  }

  /** JSON-B leaves out null properties. */
  private static boolean absent(JsonObject o, String key) {
    return !o.containsKey(key) || o.isNull(key);
  }

  private JsonObject exportOf(String email) {
    Api.Response r =
        api.get(
            BASE + "/personal-data?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
            admin);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonObject();
  }

  private JsonObject add(String code, String body) {
    Api.Response r =
        api.post(BASE + "/members/" + code + "/officials", admin, "application/json", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().asJsonObject();
  }

  private JsonObject contacts(String query, String token) {
    Api.Response r = api.get(BASE + "/members/contacts?" + query, token);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().asJsonObject();
  }

  private long directoryTotal(String status) {
    return api.get(BASE + "/members?limit=1&status=" + status, admin)
        .json()
        .asJsonObject()
        .getJsonNumber("total")
        .longValue();
  }

  static String official(String role, String name, String email, String from, String to) {
    var b = Json.createObjectBuilder().add("role", role).add("name", name);
    if (email != null) {
      b.add("email", email);
    }
    if (from != null) {
      b.add("termFrom", from);
    }
    if (to != null) {
      b.add("termTo", to);
    }
    return b.build().toString();
  }

  private static List<String> fields(Api.Response r) {
    List<String> fields = new ArrayList<>();
    for (JsonValue e : r.json().asJsonObject().getJsonArray("errors")) {
      fields.add(e.asJsonObject().getString("field"));
    }
    return fields;
  }
}
