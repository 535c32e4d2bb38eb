package eu.municipia.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro running the WAR (started, then awaited, so Ctrl-C can stop it while it boots), for
 * the run command (the tests start it through Arquillian).
 */
public final class PayaraServer implements AutoCloseable {

  private final ChildProcess process;
  private final int port;

  private PayaraServer(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  public static PayaraServer start(
      Path microJar, Path war, int port, Map<String, String> env, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ChildProcess process =
        ChildProcess.start(
            "Payara Micro",
            List.of(
                java,
                "-Xmx768m",
                "-jar",
                microJar.toString(),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster",
                "--nohazelcast"),
            log.getParent(),
            env,
            log);
    return new PayaraServer(process, port);
  }

  /** Waits until the app is migrated and ready; fails early if the deployment failed. */
  public PayaraServer awaitReady() throws IOException {
    process.awaitHttpOk(
        url() + "/health/ready", Duration.ofSeconds(240), "Exception while loading the app");
    return this;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.close();
  }
}
