package eu.municipia.union;

import static eu.municipia.testing.DemoUsers.PLATFORM_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.KeycloakAdmin;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

  private static Api.Response create(
      Api api, String token, String slug, String kind, String parent, String region) {
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
            + "\",\"country\":\"SK\""
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
