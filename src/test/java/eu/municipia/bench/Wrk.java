package eu.municipia.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The load generator: wrk (Debian's package {@code wrk}), one run per call, with a small Lua report
 * that prints the figures this benchmark needs (wrk's own output has no 95th percentile). The
 * clients share the machine with the app, so only figures of the same run compare well.
 */
final class Wrk {

  /** wrk's Lua hook after a run: one line the parser below reads. Latencies are in microseconds. */
  private static final String REPORT =
      """
      done = function(summary, latency, requests)
        local e = summary.errors
        io.write(string.format(
          "WRK requests=%d seconds=%.3f p50=%d p95=%d p99=%d max=%d status=%d socket=%d\\n",
          summary.requests, summary.duration / 1e6,
          latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
          e.status, e.connect + e.read + e.write + e.timeout))
      end
      """;

  /** One run's figures: requests per second and latency percentiles in milliseconds. */
  record Run(
      long requests,
      double perSecond,
      double p50,
      double p95,
      double p99,
      double max,
      long failed) {

    /** What one request cost the machine, in milliseconds of wall time per request. */
    double cost() {
      return 1000.0 / perSecond;
    }
  }

  private final Path script;

  Wrk(Path workDir) {
    try {
      Files.createDirectories(workDir);
      script = workDir.resolve("wrk-report.lua");
      Files.writeString(script, REPORT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether wrk is installed; the benchmark says how to install it when not. */
  static boolean installed() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  Run run(URI url, int connections, int seconds, Map<String, String> headers) {
    List<String> command =
        new ArrayList<>(List.of("wrk", "-t", "2", "-c", String.valueOf(connections)));
    command.addAll(List.of("-d", seconds + "s", "--timeout", "10s", "-s", script.toString()));
    headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
    command.add(url.toString());
    try {
      Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
        throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
      }
      return parse(output, url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Run parse(String output, URI url) {
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("WRK "))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("No report from wrk on " + url + ":\n" + output));
    Map<String, String> values = new HashMap<>();
    for (String pair : line.substring(4).split(" ")) {
      String[] kv = pair.split("=", 2);
      values.put(kv[0], kv[1]);
    }
    long requests = Long.parseLong(values.get("requests"));
    double seconds = Double.parseDouble(values.get("seconds"));
    return new Run(
        requests,
        requests / seconds,
        micros(values.get("p50")),
        micros(values.get("p95")),
        micros(values.get("p99")),
        micros(values.get("max")),
        Long.parseLong(values.get("status")) + Long.parseLong(values.get("socket")));
  }

  private static double micros(String value) {
    return Long.parseLong(value) / 1000.0;
  }
}
