package eu.municipia.identity;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOCR_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL_PERSON_ID;
import static eu.municipia.testing.DemoUsers.TWO_ASSOCIATIONS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity API as programs use it: who am I, the people of an association and their roles, and
 * who may call what. Every endpoint is tried anonymously, by another association's user and by a
 * user with too few rights.
 */
@MunicipiaIT
class IdentityApiIT {

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

  /**
   * Where the login sends the browser back to is this server's address, whatever Host the request
   * names: a forged one would otherwise receive the authorization code. (No app.base-url here: the
   * address is http://localhost and the port the server accepted the request on.)
   */
  @Test
  void theLoginRedirectUriNeverComesFromTheHostHeader() {
    Api.Response login = api.withHeader("Host", "evil.example").get("/smopk/members", null);

    assertThat(login.status()).isEqualTo(302);
    String location = java.net.URLDecoder.decode(login.header("Location"), UTF_8);
    assertThat(location)
        .startsWith(TestStack.get().issuer())
        .contains("redirect_uri=http://localhost:" + deployed.getPort() + "/auth/callback")
        .doesNotContain("evil.example");
  }

  @Test
  void meNamesTheCallerAndTheirRolesInThisAssociation() {
    Api.Response r = api.get("/api/v1/tenants/smopk/me", Tokens.accessToken(SMOPK_ADMIN));

    assertThat(r.status()).isEqualTo(200);
    JsonObject me = r.json().asJsonObject();
    assertThat(me.getString("tenant")).isEqualTo("smopk");
    assertThat(me.getString("username")).isEqualTo(SMOPK_ADMIN);
    assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString))
        .containsExactly("admin");
  }

  @Test
  void aTokenIsHonouredOnlyForTheAssociationsInItsOrganizationClaim() {
    String smopkAdmin = Tokens.accessToken(SMOPK_ADMIN);

    assertThat(api.get("/api/v1/tenants/smocr/me", smopkAdmin).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/tenants/smocr/people", smopkAdmin).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/tenants/smocr/audit", smopkAdmin).status()).isEqualTo(403);
  }

  @Test
  void onePersonInTwoAssociationsHoldsEachAssociationsOwnRoles() {
    String token = Tokens.accessToken(TWO_ASSOCIATIONS);

    JsonObject inSmopk = api.get("/api/v1/tenants/smopk/me", token).json().asJsonObject();
    JsonObject inSmocr = api.get("/api/v1/tenants/smocr/me", token).json().asJsonObject();

    assertThat(inSmopk.getJsonArray("roles").getValuesAs(JsonString::getString))
        .containsExactly("editor");
    assertThat(inSmocr.getJsonArray("roles")).isEmpty();
  }

  @Test
  void anonymousCallsAreRefusedWith401AndABearerChallenge() {
    for (String path :
        new String[] {
          "/api/v1/tenants/smopk/me", "/api/v1/tenants/smopk/people", "/api/v1/tenants/smopk/audit"
        }) {
      Api.Response r = api.get(path, null);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).as(path).startsWith("Bearer");
      assertThat(r.contentType()).as(path).startsWith("application/problem+json");
    }
  }

  @Test
  void aMemberWithoutTheAdminRoleCannotSeeOrChangeRolesOrTheAuditLog() {
    String official = Tokens.accessToken(SMOPK_OFFICIAL);
    String grantPath = "/api/v1/tenants/smopk/people/" + SMOPK_OFFICIAL_PERSON_ID + "/roles/admin";

    assertThat(api.get("/api/v1/tenants/smopk/people", official).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/tenants/smopk/audit", official).status()).isEqualTo(403);
    assertThat(api.put(grantPath, official).status()).isEqualTo(403);
    assertThat(
            api.get("/api/v1/tenants/smopk/me", official)
                .json()
                .asJsonObject()
                .getJsonArray("roles")
                .getValuesAs(JsonString::getString))
        .containsExactly("member-official");
  }

  @Test
  void anAdminOfAnotherAssociationCannotGrantRolesHere() {
    String otherAdmin = Tokens.accessToken(SMOCR_ADMIN);
    String grantPath = "/api/v1/tenants/smopk/people/" + SMOPK_OFFICIAL_PERSON_ID + "/roles/admin";

    assertThat(api.put(grantPath, otherAdmin).status()).isEqualTo(403);
    assertThat(api.delete(grantPath, otherAdmin).status()).isEqualTo(403);
  }

  @Test
  void anAdminGrantsAndRevokesARoleAndBothAreAudited() {
    String admin = Tokens.accessToken(SMOPK_ADMIN);
    String official = Tokens.accessToken(SMOPK_OFFICIAL);
    String rolePath = "/api/v1/tenants/smopk/people/" + SMOPK_OFFICIAL_PERSON_ID + "/roles/editor";
    long auditBefore = auditTotal(admin);

    Api.Response granted = api.put(rolePath, admin);
    assertThat(granted.status()).isEqualTo(200);
    assertThat(
            granted.json().asJsonObject().getJsonArray("roles").getValuesAs(JsonString::getString))
        .contains("member-official", "editor");
    assertThat(rolesOf(official)).contains("editor");

    Api.Response revoked = api.delete(rolePath, admin);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(rolesOf(official)).doesNotContain("editor");

    JsonArray items =
        api.get("/api/v1/tenants/smopk/audit?limit=2", admin)
            .json()
            .asJsonObject()
            .getJsonArray("items");
    assertThat(auditTotal(admin)).isEqualTo(auditBefore + 2);
    assertThat(items.getJsonObject(0).getString("action")).isEqualTo("role.revoked");
    assertThat(items.getJsonObject(0).getString("before")).contains("\"role\":\"editor\"");
    assertThat(items.getJsonObject(1).getString("action")).isEqualTo("role.granted");
    assertThat(items.getJsonObject(1).getString("actorName")).isEqualTo("Anna Nováková");
  }

  @Test
  void anUnknownRoleIsABadRequestNamingTheField() {
    Api.Response r =
        api.put(
            "/api/v1/tenants/smopk/people/" + SMOPK_OFFICIAL_PERSON_ID + "/roles/mayor",
            Tokens.accessToken(SMOPK_ADMIN));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonObject error = r.json().asJsonObject().getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).isEqualTo("role");
  }

  @Test
  void aPersonOfAnotherAssociationIsNotFoundHere() {
    // The demo SMO ČR admin's person row belongs to smocr; smopk's admin must not reach it.
    Api.Response r =
        api.put(
            "/api/v1/tenants/smopk/people/6f1b0c52-5a43-4c36-9a57-0c6f3f0b8a11/roles/editor",
            Tokens.accessToken(SMOPK_ADMIN));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anUnknownAssociationIs404() {
    assertThat(api.get("/api/v1/tenants/nosuch/me", Tokens.accessToken(SMOPK_ADMIN)).status())
        .isEqualTo(404);
  }

  @Test
  void theListOfAssociationsIsPublic() {
    Api.Response r = api.get("/api/v1/tenants", null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("\"slug\":\"smopk\"", "\"parent\":\"smocr\"");
  }

  @Test
  void healthAndOpenApiAnswer() {
    assertThat(api.get("/health/live", null).status()).isEqualTo(200);
    Api.Response ready = api.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("\"name\":\"database\"");
    Api.Response openapi = api.get("/openapi", null);
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.body()).contains("/api/v1/tenants/{tenant}/me");
  }

  @Test
  void memberAndAdminPagesRefuseAnonymousOtherAssociationsAndTooFewRights() {
    String smopkAdmin = Tokens.accessToken(SMOPK_ADMIN);
    String official = Tokens.accessToken(SMOPK_OFFICIAL);
    String otherAdmin = Tokens.accessToken(SMOCR_ADMIN);

    for (String page :
        new String[] {
          "/smopk/members",
          "/smopk/members/directory",
          "/smopk/admin/roles",
          "/smopk/admin/audit",
          "/smopk/admin/applications",
          "/smopk/admin/member?code=540927",
          "/smopk/admin/privacy"
        }) {
      Api.Response anonymous = api.get(page, null);
      assertThat(anonymous.status()).as(page).isEqualTo(302);
      assertThat(anonymous.header("Location")).as(page).startsWith(TestStack.get().issuer());
      assertThat(api.get(page, otherAdmin).status()).as(page).isEqualTo(403);
    }
    assertThat(api.get("/smopk/members", official).status()).isEqualTo(200);
    assertThat(api.get("/smopk/admin/roles", official).status()).isEqualTo(403);
    assertThat(api.get("/smopk/admin/audit", official).status()).isEqualTo(403);
    assertThat(api.get("/smopk/admin/applications", official).status()).isEqualTo(403);
    assertThat(api.get("/smopk/admin/member?code=540927", official).status()).isEqualTo(403);
    assertThat(api.get("/smopk/admin/privacy", official).status()).isEqualTo(403);
    assertThat(api.get("/smopk/members/directory", official).status()).isEqualTo(200);
    assertThat(api.get("/smopk/admin/member?code=540927", smopkAdmin).status()).isEqualTo(200);
    assertThat(api.get("/smopk/admin/privacy", smopkAdmin).status()).isEqualTo(200);
    assertThat(api.get("/smopk/admin/audit", smopkAdmin).status()).isEqualTo(200);
    assertThat(api.get("/smopk/admin/applications", smopkAdmin).status()).isEqualTo(200);
    // The platform's own pages are for platform admins only.
    Api.Response platformAnonymous = api.get("/platform/register", null);
    assertThat(platformAnonymous.status()).isEqualTo(302);
    assertThat(platformAnonymous.header("Location")).startsWith(TestStack.get().issuer());
    assertThat(api.get("/platform/register", smopkAdmin).status()).isEqualTo(403);
    assertThat(api.get("/platform/register", Tokens.accessToken(PLATFORM_ADMIN)).status())
        .isEqualTo(200);
    // The "Join us" form is public.
    assertThat(api.get("/smopk/join", null).status()).isEqualTo(200);
  }

  @Test
  void theViewsAreReachableOnlyThroughAnAssociationsAddress() {
    // web.xml's constraint on /t/* refuses them before TenantFilter would answer 404.
    assertThat(api.get("/t/members.xhtml", Tokens.accessToken(SMOPK_ADMIN)).status())
        .isEqualTo(403);
    assertThat(api.get("/nosuch/", null).status()).isEqualTo(404);
    assertThat(api.get("/smopk/nosuch", null).status()).isEqualTo(404);
  }

  private java.util.List<String> rolesOf(String token) {
    return api.get("/api/v1/tenants/smopk/me", token)
        .json()
        .asJsonObject()
        .getJsonArray("roles")
        .getValuesAs(JsonString::getString);
  }

  private long auditTotal(String token) {
    return api.get("/api/v1/tenants/smopk/audit", token)
        .json()
        .asJsonObject()
        .getJsonNumber("total")
        .longValue();
  }
}
