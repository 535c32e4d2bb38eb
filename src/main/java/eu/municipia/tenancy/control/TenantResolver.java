package eu.municipia.tenancy.control;

import eu.municipia.platform.control.RequestPath;
import eu.municipia.platform.control.TrustedProxies;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which association a request belongs to: by a custom domain, else by
 * the first path segment ({@code /smopk/...}), and for the API by the segment after {@code
 * /api/v1/tenants/}. The answer is kept on the request, so the authentication mechanism, the filter
 * and the EntityManager producer all see the same tenant.
 */
@ApplicationScoped
public class TenantResolver {

  static final String API_PREFIX = "/api/v1/tenants/";

  /**
   * Files the platform serves alike on every host, custom domains included: its own ({@code
   * /static/}) and those of the libraries packed as WebJars ({@code /webjars/}, e.g. Leaflet).
   */
  private static final List<String> ASSET_ROOTS = List.of("/static/", "/webjars/");

  private static final String ATTRIBUTE = TenantResolution.class.getName();

  /** What was resolved for this request already, without resolving (for Faces URL building). */
  public static java.util.Optional<TenantResolution> resolved(
      jakarta.servlet.ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof TenantResolution r
        ? java.util.Optional.of(r)
        : java.util.Optional.empty();
  }

  @Inject TenantDirectory directory;
  @Inject TrustedProxies proxies;

  public Optional<Tenant> resolve(HttpServletRequest request) {
    return resolution(request).tenant();
  }

  public TenantResolution resolution(HttpServletRequest request) {
    Object cached = request.getAttribute(ATTRIBUTE);
    if (cached instanceof TenantResolution known) {
      return known;
    }
    TenantResolution resolution = decide(request);
    request.setAttribute(ATTRIBUTE, resolution);
    return resolution;
  }

  /** Whether the path (within the app) names a file of the platform rather than a page. */
  public static boolean isAsset(String pathWithinApp) {
    return ASSET_ROOTS.stream().anyMatch(pathWithinApp::startsWith);
  }

  private TenantResolution decide(HttpServletRequest request) {
    if (RequestPath.of(request).isEmpty()) {
      return new TenantResolution(Optional.empty(), false, "/");
    }
    String path = pathWithinApp(request);
    if (isAsset(path)) {
      return new TenantResolution(Optional.empty(), false, path);
    }
    Optional<Tenant> byHost = directory.byHost(proxies.host(request));
    if (path.startsWith(API_PREFIX)) {
      Optional<Tenant> named = directory.bySlug(firstSegment(path.substring(API_PREFIX.length())));
      // On a custom domain, an API path naming another tenant finds nothing.
      boolean consistent = byHost.isEmpty() || byHost.equals(named);
      return new TenantResolution(
          consistent ? named : Optional.empty(), false, path.substring(API_PREFIX.length()));
    }
    if (byHost.isPresent()) {
      return new TenantResolution(byHost, true, path);
    }
    String slug = firstSegment(path.substring(1));
    Optional<Tenant> tenant = directory.bySlug(slug);
    String rest = tenant.isPresent() ? path.substring(1 + slug.length()) : path;
    return new TenantResolution(tenant, false, rest);
  }

  /**
   * The request's canonical path within the app ({@link RequestPath}); "/" for a refused one, which
   * the wall has answered with 400 already (its error page still asks).
   */
  public static String pathWithinApp(HttpServletRequest request) {
    return RequestPath.of(request).orElse("/");
  }

  private static String firstSegment(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }
}
