package eu.municipia.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payara Micro running the WAR (started, then awaited, so Ctrl-C can stop it while it boots): alone
 * for the run command (the tests start it through Arquillian), or as a member of a cluster on this
 * machine for the test of session replication.
 */
public final class PayaraServer implements AutoCloseable {

  private final ChildProcess process;
  private final int port;

  private PayaraServer(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * The JVM options of an instance that lives for one test and serves it some hundred requests: the
   * JIT compiles with C1 only. Payara then starts about a third faster on two busy cores (the C2
   * compiler threads no longer take a core from the start) and runs slower, which such a test does
   * not notice; the long-lived instances (the run command, the tests' shared apps) keep the full
   * JIT. What runs is the same code either way.
   */
  static final List<String> FOR_ONE_TEST = List.of("-XX:TieredStopAtLevel=1");

  /** A single instance without a cluster (no Hazelcast: nothing to share, faster start). */
  public static PayaraServer start(
      Path microJar, Path war, int port, Map<String, String> env, Path log) throws IOException {
    return start(
        microJar,
        war,
        port,
        List.of("-Xmx768m"),
        List.of("--nocluster", "--nohazelcast"),
        env,
        log);
  }

  /**
   * This build's WAR on this build's Payara Micro (the paths {@code ./mvnw verify} passes as
   * payara.microJar and municipia.war), alone; the environment adds to this JVM's.
   */
  public static PayaraServer startThisBuild(int port, Map<String, String> env, Path log)
      throws IOException {
    return start(
        Path.of(built("payara.microJar")), Path.of(built("municipia.war")), port, env, log);
  }

  /**
   * This build's WAR on this build's Payara Micro, alone, for one test (a test that kills it, say):
   * see {@link #FOR_ONE_TEST}.
   */
  public static PayaraServer startThisBuildForOneTest(int port, Map<String, String> env, Path log)
      throws IOException {
    List<String> jvm = new ArrayList<>(List.of("-Xmx768m"));
    jvm.addAll(FOR_ONE_TEST);
    return start(
        Path.of(built("payara.microJar")),
        Path.of(built("municipia.war")),
        port,
        jvm,
        List.of("--nocluster", "--nohazelcast"),
        env,
        log);
  }

  /** Another WAR (a variant of this build's, say) on this build's Payara Micro, alone. */
  public static PayaraServer startThisBuild(Path war, int port, Map<String, String> env, Path log)
      throws IOException {
    return start(Path.of(built("payara.microJar")), war, port, env, log);
  }

  /** A port nobody listens on at the moment of asking. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String built(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(property + " is not set: run the tests with ./mvnw verify");
    }
    return value;
  }

  /**
   * One member of a cluster of instances on this machine. Members find each other over TCP on the
   * loopback interface (multicast, Payara's default, may not work in a sandbox or a CI runner).
   */
  public static PayaraServer startClusterMember(
      Path microJar,
      Path war,
      int port,
      LoopbackCluster cluster,
      int dataGridPort,
      Map<String, String> env,
      Path log)
      throws IOException {
    // Only the test of session replication runs a cluster here: an instance for one test.
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
    jvm.addAll(FOR_ONE_TEST);
    return start(microJar, war, port, jvm, cluster.options(dataGridPort), env, log);
  }

  private static PayaraServer start(
      Path microJar,
      Path war,
      int port,
      List<String> jvmOptions,
      List<String> clusterOptions,
      Map<String, String> env,
      Path log)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            microJar.toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            // What production's image runs before boot too: no Server header.
            "--prebootcommandfile",
            prebootCommands().toString()));
    command.addAll(clusterOptions);
    ChildProcess process = ChildProcess.start("Payara Micro", command, log.getParent(), env, log);
    return new PayaraServer(process, port);
  }

  /** deploy/payara/pre-boot-commands.asadmin: from payara.preboot, else from the project folder. */
  static Path prebootCommands() {
    Path file =
        Path.of(System.getProperty("payara.preboot", "deploy/payara/pre-boot-commands.asadmin"));
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalStateException(file.toAbsolutePath() + " is missing");
    }
    return file.toAbsolutePath();
  }

  /** Waits until the app is migrated and ready; fails early if the deployment failed. */
  public PayaraServer awaitReady() throws IOException {
    process.awaitHttpOk(
        url() + "/health/ready", Duration.ofSeconds(240), "Exception while loading the app");
    return this;
  }

  /** Waits until this member's data grid holds the given number of members. */
  public PayaraServer awaitClusterOf(int members, Duration timeout) throws IOException {
    // Payara logs the data grid's state each time a member comes or goes ("... DG Size: 2").
    process.awaitLog("DG Size: " + members + "\n", timeout);
    return this;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return process.log();
  }

  /** Kills the instance without a shutdown, as a lost node or an OOM kill would. */
  public void kill() {
    process.kill();
  }

  @Override
  public void close() {
    process.close();
  }

  /**
   * A Payara Micro cluster on the loopback interface: its name (so it never mixes with another
   * cluster) and the data grid port of each member, which every member lists as the others to join.
   */
  public record LoopbackCluster(String name, List<Integer> dataGridPorts) {

    public LoopbackCluster {
      dataGridPorts = List.copyOf(dataGridPorts);
    }

    List<String> options(int dataGridPort) {
      if (!dataGridPorts.contains(dataGridPort)) {
        throw new IllegalArgumentException(dataGridPort + " is not a port of " + dataGridPorts);
      }
      String members =
          dataGridPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
      return List.of(
          "--clustermode",
          "tcpip:" + members,
          "--clustername",
          name,
          "--interfaces",
          "127.0.0.1",
          "--startport",
          Integer.toString(dataGridPort),
          // Host-aware partitioning (the default) keeps a session's backup off members with the
          // same IP address: here all members share 127.0.0.1, so there would be no backup at all.
          "--nohostaware");
    }
  }
}
