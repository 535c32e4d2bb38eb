package eu.municipia.testing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.testing.refused.SingletonWithoutItsBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The harness retries a deployment that Payara Micro refuses, once, and then fails it loudly with
 * Payara's log (see RetryingPayaraMicroContainer). The WAR here is refused every time, with the
 * message of the flaky deployments: before the retry existed, the container took it for deployed.
 */
@ExtendWith(ArquillianExtension.class)
class DeploymentRetryIT {

  static final String WAR = "refused-ejb.war";

  @Deployment(testable = false)
  @ShouldThrowException(DeploymentException.class)
  static WebArchive refused() {
    return ShrinkWrap.create(WebArchive.class, WAR).addClass(SingletonWithoutItsBase.class);
  }

  @Test
  void aRefusedDeploymentIsRetriedOnceAndEachAttemptsLogIsKept() throws IOException {
    assertThat(RetryingPayaraMicroContainer.retriedDeployments()).containsOnlyOnce(WAR);
    List<Path> logs;
    try (Stream<Path> files = Files.list(Path.of("target", "payara-deployments"))) {
      logs = files.filter(f -> f.getFileName().toString().startsWith(WAR)).sorted().toList();
    }
    assertThat(logs).hasSizeGreaterThanOrEqualTo(2);
    for (Path log : logs.subList(logs.size() - 2, logs.size())) {
      assertThat(Files.readString(log)).contains("DeploymentContext does not contain any EJB");
    }
  }
}
