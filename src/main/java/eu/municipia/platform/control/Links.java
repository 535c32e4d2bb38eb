package eu.municipia.platform.control;

import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Absolute links to the app's pages, for what leaves the request (e-mail, feeds, calendar files):
 * {@code links.of(tenant).page("/join/confirm", Map.of("token", t))}. Built from {@code
 * app.base-url}, never from the request's Host header, which anyone can forge. Without it (tests on
 * a random port) the address is localhost and the port the request arrived on, which the client
 * cannot choose either; work outside a request (scheduled jobs) uses the port the last request
 * arrived on.
 */
@ApplicationScoped
public class Links {

  @Inject
  @ConfigProperty(name = "app.base-url")
  Optional<String> baseUrl;

  @Inject HttpServletRequest request;

  private final java.util.concurrent.atomic.AtomicInteger lastPort =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The platform's own pages. */
  public Site platform() {
    return new Site(root());
  }

  /** An association's pages. */
  public Site of(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant is required");
    return new Site(URI.create(root() + "/" + tenant.id()));
  }

  private URI root() {
    String base =
        baseUrl
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .orElseGet(() -> "http://localhost:" + localPort());
    return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
  }

  private int localPort() {
    try {
      int port = request.getLocalPort();
      lastPort.set(port);
      return port;
    } catch (RuntimeException noRequest) {
      int port = lastPort.get();
      if (port == 0) {
        throw new IllegalStateException(
            "app.base-url is not set and no request has come yet: set APP_BASE_URL", noRequest);
      }
      return port;
    }
  }

  /** A place under which pages live: the platform's root, or an association's. */
  public record Site(URI root) {

    /** The absolute address of a page of this site, e.g. {@code page("/members")}. */
    public URI page(String path) {
      return URI.create(root + path);
    }

    /** The same with query parameters, each name and value encoded. */
    public URI page(String path, Map<String, String> query) {
      String encoded =
          new TreeMap<>(query)
              .entrySet().stream()
                  .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                  .collect(Collectors.joining("&"));
      return URI.create(root + path + (encoded.isEmpty() ? "" : "?" + encoded));
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
