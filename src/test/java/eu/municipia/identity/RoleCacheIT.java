package eu.municipia.identity;

import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL;
import static eu.municipia.testing.DemoUsers.SMOPK_OFFICIAL_PERSON_ID;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.EmbeddedDatabase;
import eu.municipia.testing.Api;
import eu.municipia.testing.Deployments;
import eu.municipia.testing.MunicipiaIT;
import eu.municipia.testing.TestStack;
import eu.municipia.testing.Tokens;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The roles a replica keeps for bearer callers follow every change at once, also a change it did
 * not make itself: here the grant is written straight into the database, as another replica (or a
 * person's erasure) would, and the app must see it within a moment, not after its five minutes.
 */
@MunicipiaIT
class RoleCacheIT {

  private static final String ADMINS_ONLY = "/api/v1/tenants/smopk/applications";
  private static final Duration PATIENCE = Duration.ofSeconds(3);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL deployed;

  @Test
  void aRoleGrantedOrRevokedElsewhereCountsAtOnceForACallerWhoseRolesAreKept() throws Exception {
    Api api = new Api(Deployments.base(deployed));
    String token = Tokens.accessToken(SMOPK_OFFICIAL);
    for (int i = 0; i < 3; i++) {
      assertThat(api.get(ADMINS_ONLY, token).status()).as("an official is no admin").isEqualTo(403);
    }
    try {
      sql(
          "INSERT INTO role_grant (id, tenant_id, issuer, subject, role, granted_by, granted_at)"
              + " SELECT gen_random_uuid(), tenant_id, issuer, subject, 'ASSOCIATION_ADMIN',"
              + " 'RoleCacheIT', now() FROM person WHERE id = CAST(? AS uuid)");
      assertThat(statusWithin(api, token, 200)).as("admin after the grant").isEqualTo(200);
    } finally {
      sql("DELETE FROM role_grant WHERE granted_by = 'RoleCacheIT' AND ? IS NOT NULL");
    }
    assertThat(statusWithin(api, token, 403)).as("no admin after the revocation").isEqualTo(403);
  }

  private static int statusWithin(Api api, String token, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int status;
    do {
      status = api.get(ADMINS_ONLY, token).status();
      if (status == expected) {
        return status;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return status;
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = TestStack.get().database().superuser(EmbeddedDatabase.DATABASE);
        PreparedStatement s = c.prepareStatement(statement)) {
      s.setString(1, SMOPK_OFFICIAL_PERSON_ID);
      assertThat(s.executeUpdate()).as(statement).isEqualTo(1);
    }
  }
}
