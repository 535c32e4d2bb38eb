package eu.municipia.platform.control;

import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.control.TenantResolution;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Absolute links to the app's pages: the one place that builds them, for everything that leaves the
 * request — e-mails, feeds, iCalendar files, confirmation links, the OIDC redirect URI.
 *
 * <pre>
 * &#64;Inject Links links;
 * URI area = links.of(tenant).page("/members");                       // mail an association's page
 * URI accept = links.of(tenant).page("/invitation", Map.of("token", t)); // with a query, encoded
 * URI callback = links.platform().page("/auth/callback");             // the platform's own page
 * </pre>
 *
 * <p>Built from configuration only, <b>never from the request's Host header</b>: the client chooses
 * that header, so a link built from it lets anyone who can send a request put their own host into
 * the mail the app sends to someone else.
 *
 * <ul>
 *   <li>The platform's public address is {@code app.base-url} (scheme, host, port, context root;
 *       {@code APP_BASE_URL}), e.g. {@code https://portal.municipia.eu}.
 *   <li>An association with a custom domain (table {@code tenant_domain}) is linked on that domain,
 *       with the platform address's scheme, port and context root: {@code
 *       https://obce.smopk.cz/members}.
 *   <li>Any other association lives under the platform address and its slug: {@code
 *       https://portal.municipia.eu/smopk/members}.
 * </ul>
 *
 * <p>Where {@code app.base-url} is not set (tests on Payara's random port; the local run sets it),
 * the address is {@code http://localhost:PORT}, PORT being the local port of the socket on which
 * this server accepted its requests ({@code ServletRequest.getLocalPort()}, noted by {@code
 * LocalPortListener}). The server chose that port, not the client, so it cannot be forged; it only
 * makes sense on the machine itself, so production must set {@code app.base-url} (the start-up log
 * says so).
 */
@ApplicationScoped
public class Links {

  private static final Logger LOG = Logger.getLogger(Links.class.getName());

  @Inject
  @ConfigProperty(name = "app.base-url")
  Optional<String> baseUrl;

  @Inject TenantDirectory directory;

  private final AtomicInteger localPort = new AtomicInteger();
  private volatile Optional<URI> configured;

  /** The platform's own pages: the login callback, the back-channel logout, platform admin. */
  public Site platform() {
    return new Site(platformRoot());
  }

  /** An association's pages, on its custom domain if it has one, else under its slug. */
  public Site of(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant is required");
    return new Site(rootOf(platformRoot(), tenant, directory.domainOf(tenant)));
  }

  /**
   * Where an association's API and files are reached from outside ({@code /api/v1/tenants/...}):
   * the root of its custom domain, else the platform's; for the absolute addresses of its logo and
   * images in mail, which then come from the domain the mail's links use.
   */
  public Site apiOf(Tenant tenant) {
    Objects.requireNonNull(tenant, "tenant is required");
    URI platform = platformRoot();
    Optional<String> domain = directory.domainOf(tenant);
    return new Site(domain.isPresent() ? rootOf(platform, tenant, domain) : platform);
  }

  /**
   * The site a request was made on: the association's custom domain where the resolver found the
   * association by its host (a host listed in {@code tenant_domain}, so never an arbitrary one),
   * else the platform address. Paths on it are the request's paths within the app.
   */
  public Site of(TenantResolution resolution) {
    return resolution.byHost() && resolution.tenant().isPresent()
        ? of(resolution.tenant().get())
        : platform();
  }

  /** Notes the port this server accepts requests on (only used where app.base-url is unset). */
  public void noteLocalPort(int port) {
    boolean unset = baseUrl.map(String::isBlank).orElse(true);
    if (port > 0 && localPort.compareAndSet(0, port) && unset) {
      LOG.warning(
          "app.base-url (APP_BASE_URL) is not set: links in e-mails and the login redirect point"
              + " to http://localhost:"
              + port
              + ", which only works on this machine. Set it to the public address.");
    }
  }

  private URI platformRoot() {
    return configuredBase()
        .orElseGet(
            () -> {
              int port = localPort.get();
              if (port == 0) {
                throw new IllegalStateException(
                    "app.base-url is not set and this server has not served a request yet, so the"
                        + " address for links is unknown; set APP_BASE_URL.");
              }
              return URI.create("http://localhost:" + port);
            });
  }

  private Optional<URI> configuredBase() {
    Optional<URI> known = configured;
    if (known == null) {
      known = baseUrl.map(String::trim).filter(s -> !s.isEmpty()).map(Links::parseBase);
      configured = known;
    }
    return known;
  }

  static URI parseBase(String configured) {
    String trimmed =
        configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    URI uri = URI.create(trimmed);
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalStateException(
          "app.base-url must be an http(s) address without query, e.g. https://portal.example.org;"
              + " it is '"
              + configured
              + "'");
    }
    return uri;
  }

  /** The root of an association's pages: its domain in place of the host, else /slug. */
  static URI rootOf(URI platformRoot, Tenant tenant, Optional<String> domain) {
    if (domain.isPresent()) {
      return URI.create(
          platformRoot.getScheme()
              + "://"
              + domain.get()
              + (platformRoot.getPort() < 0 ? "" : ":" + platformRoot.getPort())
              + Objects.toString(platformRoot.getRawPath(), ""));
    }
    return URI.create(platformRoot + "/" + tenant.id());
  }

  /** A place under which pages live: the platform's root, or an association's. */
  public record Site(URI root) {

    public Site {
      Objects.requireNonNull(root, "root is required");
    }

    /** The absolute address of a page of this site, e.g. {@code page("/members")}. */
    public URI page(String path) {
      return URI.create(root + checked(path));
    }

    /** The same with query parameters, each name and value encoded (UTF-8, form encoding). */
    public URI page(String path, Map<String, String> query) {
      String encoded =
          new java.util.TreeMap<>(query)
              .entrySet().stream()
                  .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                  .collect(Collectors.joining("&"));
      return URI.create(root + checked(path) + (encoded.isEmpty() ? "" : "?" + encoded));
    }

    private static String checked(String path) {
      if (path == null
          || !path.startsWith("/")
          || path.startsWith("//")
          || path.contains("?")
          || path.contains("#")
          || path.chars().anyMatch(c -> c <= ' ')) {
        throw new IllegalArgumentException(
            "A page's path starts with one '/' and has no query, fragment or space: " + path);
      }
      return path;
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
