package eu.municipia.tenancy;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.devstack.MailServer;
import eu.municipia.testing.Api;
import eu.municipia.testing.Browser;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A platform admin creates associations through the API with real Keycloak: the Organization, the
 * first admin's login and role, the audit entry; Keycloak failing between the steps leaves no
 * association, and the same request again finishes it; suspension refuses the association's pages,
 * API and logins with a clear answer and keeps its data, reactivation brings them back. Each test
 * makes associations of its own (slugs test-…).
 */
@MunicipiaIT
class AssociationsIT {

  static final String API = "/api/v1/platform/associations";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
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
  void aNewAssociationHasItsOrganizationItsFirstAdminAndAnAuditEntry() throws SQLException {
    String slug = slug();
    String email = slug + "-admin@example.org";
    Api.Response created = create(slug, email);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject view = created.json().asJsonObject();
    assertThat(view.getString("slug")).isEqualTo(slug);
    assertThat(view.getString("parent")).isEqualTo("smocr");
    assertThat(view.getString("status")).isEqualTo("ACTIVE");
    assertThat(view.getString("firstAdmin")).isEqualTo("NEW_LOGIN");

    assertThat(KeycloakAdmin.organizationMembers(slug)).containsExactly(email);
    assertThat(roles(slug)).containsExactly("ASSOCIATION_ADMIN " + email);
    assertThat(audit(slug)).containsExactlyInAnyOrder("role.granted", "association.created");
    assertThat(api.get("/" + slug + "/", null).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/tenants/" + slug + "/coverage", null).status()).isEqualTo(200);
    Api.Response list = api.get(API, platform);
    assertThat(list.body()).contains("\"slug\":\"" + slug + "\"");

    Api.Response again = create(slug, email);
    assertThat(again.status()).as("the slug is taken now").isEqualTo(409);
    assertThat(fields(again)).containsExactly("slug");
  }

  @Test
  void keycloakFailingBetweenTheStepsLeavesNoAssociationAndTheRetryFinishesIt()
      throws SQLException {
    String slug = slug();
    String email = slug + "-admin@example.org";
    // A login whose user name is the address but whose e-mail is another: Keycloak refuses to
    // create the admin's login (409) after it created the Organization.
    KeycloakAdmin.TestUser blocker =
        KeycloakAdmin.createUser(email, slug + "-other@example.org", "demo", true);
    Api.Response failed = create(slug, email);
    assertThat(failed.status()).as(failed.body()).isEqualTo(502);
    assertThat(failed.contentType()).startsWith("application/problem+json");
    assertThat(tenantRows(slug)).as("no association after the failure").isZero();
    assertThat(roles(slug)).isEmpty();
    assertThat(KeycloakAdmin.organizationMembers(slug))
        .as("the Organization was made before the failure, and stays for the retry")
        .isEmpty();
    assertThat(api.get("/" + slug + "/", null).status()).isEqualTo(404);

    blocker.close();
    Api.Response retried = create(slug, email);
    assertThat(retried.status()).as(retried.body()).isEqualTo(201);
    assertThat(tenantRows(slug)).isEqualTo(1);
    assertThat(KeycloakAdmin.organizationMembers(slug)).containsExactly(email);
    assertThat(roles(slug)).containsExactly("ASSOCIATION_ADMIN " + email);
    assertThat(audit(slug)).containsExactlyInAnyOrder("role.granted", "association.created");
  }

  /**
   * The first admin's address has a login elsewhere (a member of SMOPK): the association is made,
   * and the login's owner is mailed an invitation to be its admin. Until they accept it they are
   * neither in its Organization nor its admin; after, they are both.
   */
  @Test
  void anAddressWithALoginElsewhereIsInvitedAndBecomesTheAdminOnlyByAcceptingIt()
      throws SQLException {
    String slug = slug();
    MailServer mail = TestStack.get().mail().start();
    try (KeycloakAdmin.TestUser person =
            KeycloakAdmin.createMember("smopk", slug + "-owner", Tokens.PASSWORD);
        Browser browser = Browser.start(Deployments.base(deployed))) {
      Set<String> smopkBefore = KeycloakAdmin.organizationMembers("smopk");
      Api.Response created = create(slug, person.email());
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.json().asJsonObject().getString("firstAdmin"))
          .isEqualTo("INVITATION_SENT");
      assertThat(tenantRows(slug)).isEqualTo(1);
      assertThat(KeycloakAdmin.organizationMembers(slug)).as("not before consent").isEmpty();
      assertThat(roles(slug)).as("not before consent").isEmpty();
      assertThat(audit(slug)).containsExactlyInAnyOrder("association.created", "invitation.issued");
      String before = Tokens.accessToken(person.username());
      assertThat(api.get("/api/v1/tenants/" + slug + "/people", before).status())
          .as("not the new association's admin before accepting")
          .isEqualTo(403);
      assertThat(create(slug, person.email()).status())
          .as("a retry: the slug is taken")
          .isEqualTo(409);

      Pattern linkPattern =
          Pattern.compile(
              Pattern.quote("http://localhost:" + deployed.getPort() + "/" + slug + "/invitation")
                  + "\\?token=[A-Za-z0-9_-]+");
      MailServer.Mail sent =
          mail.await(
              m -> m.to().equals(person.email()) && linkPattern.matcher(m.body()).find(),
              Duration.ofSeconds(30));
      Matcher link = linkPattern.matcher(sent.body());
      assertThat(link.find()).isTrue();

      browser.driver().get(link.group());
      assertThat(browser.status()).isEqualTo(200);
      browser.clickAndWaitForNextPage(browser.waitFor(By.id("invitation-login")));
      browser
          .logInAtKeycloak(person.username(), Tokens.PASSWORD)
          .waitForPath("/" + slug + "/invitation");
      browser.clickAndWaitForNextPage(browser.waitFor(By.id("invitation:accept")));
      browser.waitForPath("/" + slug + "/members");

      assertThat(roles(slug)).containsExactly("ASSOCIATION_ADMIN " + person.email());
      assertThat(KeycloakAdmin.organizationMembers(slug)).containsExactly(person.username());
      assertThat(KeycloakAdmin.organizationMembers("smopk")).isEqualTo(smopkBefore);
      String after = Tokens.accessToken(person.username());
      assertThat(api.get("/api/v1/tenants/" + slug + "/people", after).status())
          .as("the new association's admin once accepted")
          .isEqualTo(200);
    }
  }

  @Test
  void aSuspendedAssociationKeepsItsDataButRefusesItsPagesApiAndLogins() throws SQLException {
    String slug = slug();
    assertThat(create(slug, slug + "-admin@example.org").status()).isEqualTo(201);
    try (KeycloakAdmin.TestUser member =
        KeycloakAdmin.createMember(slug, slug + "-member", Tokens.PASSWORD)) {
      String token = Tokens.accessToken(member.username());
      assertThat(api.get("/api/v1/tenants/" + slug + "/me", token).status()).isEqualTo(200);

      Api.Response suspended =
          api.put(
              API + "/" + slug + "/status",
              platform,
              "application/json",
              "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid platform fee\"}");
      assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
      assertThat(suspended.json().asJsonObject().getString("status")).isEqualTo("SUSPENDED");

      Api.Response page = api.get("/" + slug + "/", null);
      assertThat(page.status()).isEqualTo(403);
      assertThat(page.body()).contains("pozastavena");
      Api.Response me = api.get("/api/v1/tenants/" + slug + "/me", token);
      assertThat(me.status()).as("a login of a suspended association").isEqualTo(403);
      assertThat(me.body()).contains("suspended");
      assertThat(api.get("/api/v1/tenants/" + slug + "/coverage", null).status()).isEqualTo(403);
      assertThat(tenantRows(slug)).as("its data is kept").isEqualTo(1);
      assertThat(roles(slug)).hasSize(1);

      Api.Response reactivated =
          api.put(
              API + "/" + slug + "/status",
              platform,
              "application/json",
              "{\"status\":\"ACTIVE\"}");
      assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
      assertThat(api.get("/" + slug + "/", null).status()).isEqualTo(200);
      assertThat(api.get("/api/v1/tenants/" + slug + "/me", token).status()).isEqualTo(200);
      assertThat(audit(slug))
          .containsExactlyInAnyOrder(
              "role.granted",
              "association.created",
              "association.suspended",
              "association.reactivated")
          .containsSubsequence("association.suspended", "association.reactivated");
    }
  }

  @Test
  void badInputIsRefusedNamingEveryFieldAndOnlyPlatformAdminsMayCreate() {
    Api.Response bad =
        api.post(
            API,
            platform,
            "application/json",
            "{\"slug\":\"Bad Slug\",\"nameCs\":\"\",\"nameEn\":\"X\",\"kind\":\"CLUB\","
                + "\"adminEmail\":\"not-an-address\"}");
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(fields(bad)).containsExactly("slug", "nameCs", "kind", "adminEmail");
    Api.Response notAUnion =
        api.post(
            API,
            platform,
            "application/json",
            "{\"slug\":\""
                + slug()
                + "\",\"nameCs\":\"X\",\"nameEn\":\"X\",\"kind\":\"ASSOCIATION\","
                + "\"parent\":\"smopk\",\"region\":\"Atlantis\",\"adminEmail\":\"a@example.org\"}");
    assertThat(notAUnion.status()).as(notAUnion.body()).isEqualTo(400);
    assertThat(fields(notAUnion)).containsExactly("parent", "region");
    assertThat(api.post(API, null, "application/json", "{}").status()).isEqualTo(401);
    assertThat(api.post(API, Tokens.accessToken(SMOCR_ADMIN), "application/json", "{}").status())
        .isEqualTo(403);
    assertThat(
            api.put(
                    API + "/nothing-here/status",
                    platform,
                    "application/json",
                    "{\"status\":\"ACTIVE\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            api.put(API + "/smopk/status", platform, "application/json", "{\"status\":\"GONE\"}")
                .status())
        .isEqualTo(400);
  }

  private Api.Response create(String slug, String email) {
    return api.post(
        API,
        platform,
        "application/json",
        "{\"slug\":\""
            + slug
            + "\",\"nameCs\":\"Testovací sdružení "
            + slug
            + "\",\"nameEn\":\"Test association "
            + slug
            + "\",\"kind\":\"ASSOCIATION\",\"parent\":\"smocr\",\"region\":\"Plzeňský kraj\","
            + "\"adminEmail\":\""
            + email
            + "\"}");
  }

  private static String slug() {
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

  private static List<String> roles(String slug) throws SQLException {
    return query(
        "SELECT g.role || ' ' || p.email FROM role_grant g JOIN person p"
            + " ON p.tenant_id = g.tenant_id AND p.subject = g.subject WHERE g.tenant_id = ?",
        slug);
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
