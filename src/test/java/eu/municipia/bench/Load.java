package eu.municipia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Sends GET requests to the app on this machine, one after another or from several clients at once,
 * and measures each answer's wall time (request sent until the whole body is read). Every answer is
 * checked, so a fast error never counts as a fast page. Bounded: a fixed number of requests, each
 * with a time-out.
 */
final class Load {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final URI base;
  private final HttpClient http;

  Load(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** One answer with its wall time. */
  record Answer(int status, String body, long nanos) {}

  Answer get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** A POST with a body, e.g. an import; the bearer token is the caller's. */
  Answer post(String path, String token, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** {@code warmUp} requests not measured, then {@code count} measured one after another. */
  Stats sequential(String path, int warmUp, int count, Consumer<Answer> check) {
    repeat(path, warmUp, check);
    long start = System.nanoTime();
    List<Long> times = repeat(path, count, check);
    return Stats.of(times, System.nanoTime() - start);
  }

  /** {@code count} requests in all from {@code clients} clients at once (count/clients each). */
  Stats concurrent(String path, int clients, int count, Consumer<Answer> check) {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Long>>> runs = new ArrayList<>();
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        runs.add(pool.submit(() -> repeat(path, count / clients, check)));
      }
      List<Long> times = new ArrayList<>();
      for (Future<List<Long>> run : runs) {
        times.addAll(run.get());
      }
      return Stats.of(times, System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError failed) {
        throw failed;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Long> repeat(String path, int count, Consumer<Answer> check) {
    List<Long> times = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Answer a = get(path);
      check.accept(a);
      times.add(a.nanos());
    }
    return times;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      long start = System.nanoTime();
      HttpResponse<String> r =
          http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), System.nanoTime() - start);
    } catch (IOException e) {
      throw new IllegalStateException("The app did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A check that the answer is a 200 whose body contains the given text. */
  static Consumer<Answer> okWith(String text) {
    return a -> {
      assertThat(a.status()).as("status").isEqualTo(200);
      assertThat(a.body()).contains(text);
    };
  }

  /** Latencies (milliseconds) and throughput of one measured run. */
  record Stats(int count, double min, double median, double p95, double max, double perSecond) {

    static Stats of(List<Long> nanos, long wallNanos) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      return new Stats(
          sorted.size(),
          ms(sorted.get(0)),
          ms(percentile(sorted, 50)),
          ms(percentile(sorted, 95)),
          ms(sorted.get(sorted.size() - 1)),
          sorted.size() / (wallNanos / 1e9));
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, int p) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.size());
      return sorted.get(Math.max(0, rank - 1));
    }

    private static double ms(long nanos) {
      return nanos / 1e6;
    }
  }
}
