package eu.municipia.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its Maven Central distribution, in dev mode, with the demo realm imported on the
 * first start. Its H2 database lives inside its home, so a second start keeps users and sessions.
 */
public final class KeycloakServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());

  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "admin";

  private final StackSettings settings;
  private ChildProcess process;

  public KeycloakServer(StackSettings settings) {
    this.settings = settings;
  }

  public KeycloakServer start() throws IOException {
    Path home = unpack();
    Path importDir = Files.createDirectories(home.resolve("data/import"));
    Files.copy(
        settings.realmFile(),
        importDir.resolve("municipia-realm.json"),
        StandardCopyOption.REPLACE_EXISTING);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int port = settings.keycloakPort();
    process =
        ChildProcess.start(
            "Keycloak",
            List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--http-port=" + port,
                "--http-management-port=" + (port + 1),
                "--hostname=" + settings.keycloakUrl()),
            home,
            Map.of(
                "JAVA",
                java,
                "JAVA_HOME",
                System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP",
                "-Xms64m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME",
                ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD",
                ADMIN_PASSWORD,
                // The demo realm's SMTP server (invitations), resolved at the realm's import.
                "MUNICIPIA_SMTP_PORT",
                String.valueOf(settings.smtpPort()),
                // Keycloak 26 counts two logins of one user at the same moment as an attack and
                // locks the user for a while (keycloak#48272): tests log the demo users in from
                // several places at once, which is not brute force. Production keeps the default.
                "KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS",
                "true"),
            settings.home().resolve("keycloak.log"));
    try {
      // 10-20 s on an idle machine; measured 204 s on two cores shared by four test runs.
      process.awaitHttpOk(settings.issuer() + "/.well-known/openid-configuration", startTimeout());
    } catch (IOException e) {
      process.close();
      throw e;
    }
    keepBuild(home);
    return this;
  }

  /**
   * Where the dev-mode build of this distribution is kept across runs: {@code STACK_CACHE_DIR}, or
   * {@code ~/.cache/municipia}. On its first start from the zip Keycloak builds itself for dev mode
   * (about 25 s on two cores, then it starts again), and a clean build unpacks the zip anew every
   * time. That build is the files of {@code lib/quarkus}; Keycloak checks them against its
   * configuration at every start and builds again if they do not match, so a copy that does not fit
   * costs only the build it saves otherwise.
   */
  private Path buildCache() throws IOException {
    Path zip = settings.runtimeDir().resolve("keycloak-quarkus-dist.zip");
    String top;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      String first = file.entries().nextElement().getName();
      top = first.substring(0, first.indexOf('/'));
    }
    String dir = System.getenv("STACK_CACHE_DIR");
    Path root =
        dir == null || dir.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache", "municipia")
            : Path.of(dir);
    return root.resolve(top + "-" + Files.size(zip) + "-dev-build");
  }

  /** Copies a kept dev-mode build into a freshly unpacked distribution, if there is one. */
  private void restoreBuild(Path home) {
    try {
      Path kept = buildCache();
      if (!Files.isDirectory(kept)) {
        return;
      }
      try (var files = Files.list(kept)) {
        for (Path f : files.toList()) {
          Files.copy(
              f,
              home.resolve("lib/quarkus").resolve(f.getFileName().toString()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
      LOG.info(() -> "Keycloak's dev-mode build taken from " + kept);
    } catch (IOException e) {
      LOG.warning("Keycloak's kept dev-mode build could not be used (it builds itself): " + e);
    }
  }

  /** Keeps the dev-mode build of a Keycloak that started, unless one is kept already. */
  private void keepBuild(Path home) {
    try {
      Path kept = buildCache();
      if (Files.isDirectory(kept)) {
        return;
      }
      Files.createDirectories(kept.getParent());
      Path partial = Files.createTempDirectory(kept.getParent(), kept.getFileName() + ".");
      try (var files = Files.list(home.resolve("lib/quarkus"))) {
        for (Path f : files.toList()) {
          Files.copy(f, partial.resolve(f.getFileName().toString()));
        }
      }
      try {
        Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        deleteRecursively(partial); // another run kept one at the same moment
      }
    } catch (IOException e) {
      LOG.warning("Keycloak's dev-mode build could not be kept: " + e);
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Unpacks the distribution once; later starts reuse it (and the data inside it). */
  private Path unpack() throws IOException {
    Path zip = settings.runtimeDir().resolve("keycloak-quarkus-dist.zip");
    Path target = settings.home().resolve("keycloak");
    if (Files.exists(target.resolve("bin/kc.sh"))) {
      return target;
    }
    Path partial = settings.home().resolve("keycloak.unpacking");
    deleteRecursively(partial);
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        // Strip the top folder (keycloak-<version>/).
        String name = e.getName().substring(e.getName().indexOf('/') + 1);
        if (name.isEmpty()) {
          continue;
        }
        Path out = partial.resolve(name).normalize();
        if (!out.startsWith(partial)) {
          throw new IOException("Zip entry outside the target: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          copy(in, out);
        }
      }
    }
    for (String script : List.of("kc.sh", "kcadm.sh", "kcreg.sh")) {
      Path p = partial.resolve("bin").resolve(script);
      if (Files.exists(p)) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    restoreBuild(partial);
    Files.move(partial, target);
    return target;
  }

  private static void copy(InputStream in, Path out) throws IOException {
    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
  }

  /**
   * How long Keycloak may take to start and import the realm: 180 s, or IT_KEYCLOAK_START_SECONDS
   * on a machine that several test runs share (the first import took over 3 minutes at a load of 24
   * on 2 cores).
   */
  /** IT_KEYCLOAK_START_SECONDS, or the system property stack.keycloakStartSeconds, or 420 s. */
  private static Duration startTimeout() {
    String seconds = System.getenv("IT_KEYCLOAK_START_SECONDS");
    return Duration.ofSeconds(
        seconds == null || seconds.isBlank()
            ? Long.getLong("stack.keycloakStartSeconds", 420)
            : Long.parseLong(seconds.trim()));
  }
}
