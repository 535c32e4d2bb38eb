package eu.municipia.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro's Arquillian container, with one retry of a deployment that Payara refused.
 *
 * <p>Why: twice in full runs Payara Micro refused the WAR that every other test class deploys
 * ("Unable to load the EJB module. DeploymentContext does not contain any EJB", in
 * EjbDeployer.prepare), and every test of that class failed; reruns passed. That message means that
 * Payara's EJB sniffer saw {@code @Singleton} classes in the bytecode but annotation processing
 * then could not load one of them (reproduced at will by a WAR whose EJB lacks its superclass, see
 * DeploymentRetryIT); with the same WAR passing everywhere else, that load failure was passing, and
 * its cause inside Payara's deployment was not found. A refused deployment does not stop Payara
 * Micro: it goes on running with {@code "Deployed": []}, and the container used to return as if all
 * were well, so the tests failed one by one with 404s.
 *
 * <p>What: a deployment that leaves no application (no servlet) counts as failed. The attempt's
 * Payara log (which the container otherwise keeps only in memory) is saved under {@code
 * target/payara-deployments/}, its SEVERE lines go to the test log, that Payara Micro is stopped,
 * and the deployment runs once more, saying so loudly. A second refusal fails the deployment with
 * both logs named; nothing is retried more than once.
 */
public class RetryingPayaraMicroContainer extends PayaraMicroDeployableContainer {

  private static final Logger LOG = Logger.getLogger(RetryingPayaraMicroContainer.class.getName());
  private static final Path LOG_DIR = Path.of("target", "payara-deployments");
  private static final String BANNER = "=".repeat(100);
  private static final List<String> RETRIED = Collections.synchronizedList(new ArrayList<>());

  /** The archives whose deployment was retried in this test JVM, in order. */
  public static List<String> retriedDeployments() {
    return List.copyOf(RETRIED);
  }

  @Override
  public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    Attempt first = attempt(archive);
    if (first.deployed()) {
      return first.metaData;
    }
    Path firstLog = save(archive, 1);
    RETRIED.add(archive.getName());
    LOG.severe(
        String.format(
            "%n%s%nPAYARA MICRO REFUSED THE DEPLOYMENT OF %s (%s).%nIts log: %s%n%s%n"
                + "RETRYING THIS DEPLOYMENT ONCE (a flaky deployment, see"
                + " RetryingPayaraMicroContainer).%n%s",
            BANNER,
            archive.getName(),
            first.reason(),
            firstLog.toAbsolutePath(),
            severeLines(),
            BANNER));
    super.undeploy(archive);
    Attempt second = attempt(archive);
    if (second.deployed()) {
      LOG.warning(
          "The retried deployment of "
              + archive.getName()
              + " succeeded; the refused attempt's log is "
              + firstLog.toAbsolutePath());
      return second.metaData;
    }
    Path secondLog = save(archive, 2);
    super.undeploy(archive);
    throw new DeploymentException(
        "Payara Micro refused the deployment of "
            + archive.getName()
            + " twice ("
            + second.reason()
            + "); its logs: "
            + firstLog.toAbsolutePath()
            + " and "
            + secondLog.toAbsolutePath()
            + System.lineSeparator()
            + severeLines(),
        second.failure);
  }

  private Attempt attempt(Archive<?> archive) {
    try {
      return new Attempt(super.deploy(archive), null);
    } catch (DeploymentException e) {
      return new Attempt(null, e);
    }
  }

  /** One deployment's outcome: what the container returned, or how it failed. */
  private record Attempt(ProtocolMetaData metaData, DeploymentException failure) {

    /** Payara Micro started with the application in it: at least one servlet is mapped. */
    boolean deployed() {
      return metaData != null
          && metaData.getContexts(HTTPContext.class).stream()
              .anyMatch(context -> !context.getServlets().isEmpty());
    }

    String reason() {
      if (failure != null) {
        return failure.getMessage();
      }
      return metaData == null
          ? "Payara Micro did not start in time"
          : "Payara Micro started, but with no application deployed";
    }
  }

  /**
   * The console output of the last attempt, which the container keeps in a private field (it prints
   * nothing while {@code consoleOutput} is false); empty if that field cannot be read.
   */
  private String payaraLog() {
    try {
      Field log = PayaraMicroDeployableContainer.class.getDeclaredField("log");
      log.setAccessible(true);
      Object text = log.get(this);
      return text == null ? "" : text.toString();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return "(Payara's log could not be read: " + e + ")";
    }
  }

  private String severeLines() {
    String lines =
        payaraLog()
            .lines()
            .filter(
                line ->
                    line.contains("SEVERE")
                        || line.startsWith("java.lang.")
                        || line.startsWith("Caused by:")
                        || line.contains("Exception while"))
            .limit(40)
            .collect(Collectors.joining(System.lineSeparator()));
    return lines.isEmpty() ? "(no SEVERE lines in Payara's log)" : lines;
  }

  private Path save(Archive<?> archive, int attempt) {
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path file = LOG_DIR.resolve(archive.getName() + "-" + time + "-attempt-" + attempt + ".log");
    try {
      Files.createDirectories(LOG_DIR);
      Files.writeString(file, payaraLog(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warning("Could not save Payara's log to " + file + ": " + e);
    }
    return file;
  }
}
