package eu.municipia.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server started as a child process, with its output in a log file, stopped with its children.
 */
final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(
      String name, List<String> command, Path workDir, Map<String, String> env, Path log)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(env);
    return new ChildProcess(name, builder.start(), log);
  }

  /** Polls the URL until it answers 200; fails early when the process dies. */
  void awaitHttpOk(String url, Duration timeout) throws IOException {
    awaitHttpOk(url, timeout, null);
  }

  /** As above, and fails as soon as the log shows the failure marker (a failed deployment). */
  void awaitHttpOk(String url, Duration timeout, String failureMarker) throws IOException {
    // HTTP/1.1: the client's default asks a plain-HTTP server to upgrade to HTTP/2 (h2c) on every
    // request, one more thing that can go wrong while a server starts.
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    String last = "no answer yet";
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      if (failureMarker != null && java.nio.file.Files.readString(log).contains(failureMarker)) {
        throw new IOException(name + " failed to start; see " + log);
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
        last = "status " + response.statusCode();
      } catch (IOException notYet) {
        // not listening yet
        last = notYet.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while waiting for " + name, e);
      }
      sleep(500);
    }
    throw new IOException(
        name
            + " did not answer "
            + url
            + " within "
            + timeout
            + " (last: "
            + last
            + "); see "
            + log);
  }

  /** Waits until the log contains the text; fails early when the process dies. */
  void awaitLog(String text, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (java.nio.file.Files.readString(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      sleep(250);
    }
    throw new IOException(
        name + " did not log \"" + text + "\" within " + timeout + "; see " + log);
  }

  /** Kills the process without letting it shut down, as a crashed machine or an OOM kill would. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
