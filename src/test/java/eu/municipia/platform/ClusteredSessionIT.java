package eu.municipia.platform;

import static eu.municipia.testing.DemoUsers.SMOPK_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.devstack.PayaraServer;
import eu.municipia.devstack.PayaraServer.LoopbackCluster;
import eu.municipia.testing.Browser;
import eu.municipia.testing.StartTestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * Two replicas of the built WAR in one Payara Micro cluster (Hazelcast over TCP on loopback), both
 * on the test stack's PostgreSQL and Keycloak: a person logged in through one replica stays logged
 * in when that replica dies and the next request reaches the other, because the web session lives
 * in the cluster's data grid. Not an Arquillian test: Arquillian starts one instance without a
 * cluster.
 */
@ExtendWith(StartTestStack.class)
class ClusteredSessionIT {

  /** What failsafe gives Arquillian's Payara, given to both replicas the same way. */
  private static final List<String> APP_ENVIRONMENT =
      List.of("DB_URL", "DB_USER", "DB_PASSWORD", "OIDC_ISSUER", "APP_DEMO_DATA");

  private static final Duration CLUSTER_FORMS = Duration.ofSeconds(60);

  private PayaraServer replicaA;
  private PayaraServer replicaB;
  private Browser browser;

  @BeforeEach
  void startTwoReplicasInOneCluster() throws IOException {
    Path microJar = Path.of(property("payara.microJar"));
    Path war = Path.of(property("municipia.war"));
    Path logs = Files.createDirectories(Path.of("target", "clustered-session-it").toAbsolutePath());
    int[] ports = freePorts(4);
    LoopbackCluster cluster =
        new LoopbackCluster("municipia-it-" + ports[2], List.of(ports[2], ports[3]));
    // Both boot at once, as replicas of a rollout do: Flyway's lock lets one migrate.
    replicaA =
        PayaraServer.startClusterMember(
            microJar, war, ports[0], cluster, ports[2], appEnvironment(), logs.resolve("a.log"));
    replicaB =
        PayaraServer.startClusterMember(
            microJar, war, ports[1], cluster, ports[3], appEnvironment(), logs.resolve("b.log"));
    replicaA.awaitReady().awaitClusterOf(2, CLUSTER_FORMS);
    replicaB.awaitReady().awaitClusterOf(2, CLUSTER_FORMS);
  }

  @AfterEach
  void stopEverything() {
    if (browser != null) {
      browser.close();
    }
    if (replicaA != null) {
      replicaA.close();
    }
    if (replicaB != null) {
      replicaB.close();
    }
  }

  @Test
  void aLoggedInPersonStaysLoggedInWhenTheReplicaThatServedThemDies() {
    browser = Browser.start(URI.create(replicaA.url()));
    browser.open("/smopk/members").logInAtKeycloak(SMOPK_ADMIN).waitForPath("/smopk/members");
    assertThat(browser.waitFor(By.id("caller-name")).getText()).isEqualTo("Anna Nováková");
    String session = sessionCookie().getValue();

    replicaA.kill();
    // Cookies belong to the host, not the port: the browser sends A's session cookie to B.
    browser.driver().get(replicaB.url() + "/smopk/members");

    assertThat(browser.waitFor(By.id("caller-name")).getText()).isEqualTo("Anna Nováková");
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(replicaB.url() + "/smopk/members");
    // Keycloak's own session (same host) would log the browser in again without a form, so the
    // name alone proves little; an unchanged session id proves B found the session A had made
    // (a new login makes a new session and changes its id).
    assertThat(sessionCookie().getValue()).as("session id on B").isEqualTo(session);
  }

  private Cookie sessionCookie() {
    return Objects.requireNonNull(
        browser.driver().manage().getCookieNamed("JSESSIONID"), "no session cookie");
  }

  private static Map<String, String> appEnvironment() {
    return APP_ENVIRONMENT.stream()
        .collect(
            Collectors.toMap(
                name -> name,
                name ->
                    Objects.requireNonNull(
                        System.getenv(name), name + " is not set: run through ./mvnw verify")));
  }

  private static String property(String name) {
    return Objects.requireNonNull(
        System.getProperty(name), name + " is not set: run through ./mvnw verify");
  }

  /** Ports free now; held open together so that no two of them are the same. */
  private static int[] freePorts(int count) {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0);
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          try {
            socket.close();
          } catch (IOException ignored) {
            // closing a probe socket: nothing to do
          }
        }
      }
    }
  }
}
