package eu.municipia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of the Payara Micro that Arquillian started (a child of this JVM): heap used as it is,
 * heap still used after a full collection (the live data), and the process's resident size. Read
 * with the JDK's jcmd and /proc, because Payara's /metrics fails in this app (its metrics service
 * trips over the application-scoped connection pool). Empty where either is missing.
 */
final class PayaraMemory {

  private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

  private PayaraMemory() {}

  /** E.g. "heap used 180 MiB (live after a full GC 95 MiB), resident 610 MiB". */
  static Optional<String> describe() {
    Optional<ProcessHandle> payara =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
            .findFirst();
    Optional<Path> jcmd =
        ProcessHandle.current()
            .info()
            .command()
            .map(java -> Path.of(java).resolveSibling("jcmd"))
            .filter(Files::isExecutable);
    if (payara.isEmpty() || jcmd.isEmpty()) {
      return Optional.empty();
    }
    long pid = payara.get().pid();
    Optional<Matcher> before = match(HEAP, jcmd(jcmd.get(), pid, "GC.heap_info"));
    jcmd(jcmd.get(), pid, "GC.run");
    Optional<Matcher> after = match(HEAP, jcmd(jcmd.get(), pid, "GC.heap_info"));
    Optional<Matcher> rss = match(RSS, read(Path.of("/proc", String.valueOf(pid), "status")));
    if (before.isEmpty() || after.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "heap used "
            + mib(before.get().group(2))
            + " MiB (live after a full GC "
            + mib(after.get().group(2))
            + " MiB, -Xmx512m)"
            + rss.map(m -> ", resident " + mib(m.group(1)) + " MiB").orElse(""));
  }

  private static String jcmd(Path jcmd, long pid, String command) {
    try {
      Process p =
          new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "";
      }
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static Optional<Matcher> match(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m) : Optional.empty();
  }

  private static long mib(String kibibytes) {
    return Long.parseLong(kibibytes) / 1024;
  }
}
