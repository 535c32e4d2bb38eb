package eu.municipia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counts and times every request by kind (page, api, static, login, ops) and status class (2xx …
 * 5xx), at /metrics as {@code http_requests_seconds{kind,status}}. Few tags on purpose: one series
 * per path would grow with every member's page.
 */
@ApplicationScoped
public class RequestMetrics {

  private static final String STARTED = RequestMetrics.class.getName() + ".started";
  private static final String FINISHED = RequestMetrics.class.getName() + ".finished";
  private static final Metadata REQUESTS =
      Metadata.builder()
          .withName("http.requests")
          .withDescription("Requests answered by the application, by kind and status class")
          // Timers record nanoseconds; the Prometheus format shows them as seconds.
          .withUnit(MetricUnits.NANOSECONDS)
          .build();

  @Inject MetricRegistry registry;

  /** One timer per kind and status class, looked up in the registry once. */
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  void start(HttpServletRequest request) {
    if (request.getAttribute(STARTED) == null) {
      request.setAttribute(STARTED, System.nanoTime());
    }
  }

  /** Records the request once, with the status the response has now. */
  public void finish(HttpServletRequest request, HttpServletResponse response) {
    finish(request, response.getStatus());
  }

  /** Records the request once, with the given status (e.g. 500 while an exception propagates). */
  public void finish(HttpServletRequest request, int status) {
    Object started = request.getAttribute(STARTED);
    if (!(started instanceof Long since) || request.getAttribute(FINISHED) != null) {
      return;
    }
    request.setAttribute(FINISHED, Boolean.TRUE);
    String kind = kind(request);
    String statusClass = (status / 100) + "xx";
    timers
        .computeIfAbsent(
            kind + " " + statusClass,
            key -> registry.timer(REQUESTS, new Tag("kind", kind), new Tag("status", statusClass)))
        .update(Duration.ofNanos(System.nanoTime() - since));
  }

  static String kind(HttpServletRequest request) {
    String path = RequestPath.of(request).orElse("");
    if (path.isEmpty()) {
      return "refused";
    }
    if (path.startsWith("/api/")) {
      return "api";
    }
    if (path.startsWith("/static/") || path.startsWith("/webjars/")) {
      return "static";
    }
    if (path.startsWith("/auth/")) {
      return "login";
    }
    if (path.startsWith("/health") || path.startsWith("/metrics") || path.startsWith("/openapi")) {
      return "ops";
    }
    return "page";
  }
}
