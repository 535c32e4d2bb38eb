package eu.municipia.devstack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the stack keeps its files and which ports it listens on. The run command and the tests use
 * different homes and ports, so both can run at the same time on one machine.
 */
public record StackSettings(
    Path home, Path runtimeDir, Path realmFile, int postgresPort, int keycloakPort, int smtpPort) {

  public StackSettings {
    Objects.requireNonNull(home, "stack home is required");
    Objects.requireNonNull(runtimeDir, "runtime directory is required");
    Objects.requireNonNull(realmFile, "realm file is required");
  }

  public String keycloakUrl() {
    return "http://localhost:" + keycloakPort;
  }

  public String issuer() {
    return keycloakUrl() + "/realms/municipia";
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
  }
}
