package eu.municipia.tenancy.boundary;

import eu.municipia.identity.control.PageAccess;
import eu.municipia.platform.boundary.KeptPages;
import eu.municipia.platform.control.ProblemWriter;
import eu.municipia.platform.entity.Problem;
import eu.municipia.tenancy.control.TenantResolution;
import eu.municipia.tenancy.control.TenantResolver;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Routes each request: an association's pages ({@code /smopk/members}) to their Faces views ({@code
 * /t/members.xhtml}) once the tenant is known and the caller may see them; everything else to the
 * container. The views are reachable only this way, never by their own path. Slugs that would
 * shadow the platform's paths are reserved (see {@code TenantSlug}).
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class TenantFilter extends HttpFilter {

  static final String VIEW_ROOT = "/t";

  /** Set on a request refused because its association is suspended, for the error page. */
  public static final String SUSPENDED = "municipia.suspended";

  private static final String ERROR_PAGES = "/errors";
  private static final Pattern PLATFORM_PAGE = Pattern.compile("/platform/[a-z-]+");
  private static final Pattern PAGE_PATH = Pattern.compile("(/[a-z0-9-]+)*/?");

  @Inject TenantResolver resolver;
  @Inject KeptPages keptPages;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = TenantResolver.pathWithinApp(req);
    if (path.startsWith("/api/")) {
      if (path.startsWith("/api/v1/tenants/")) {
        Optional<Tenant> tenant = resolver.resolve(req);
        if (tenant.isEmpty()) {
          notFoundProblem(res, "No such association.");
          return;
        }
        if (tenant.get().suspended()) {
          ProblemWriter.write(
              res,
              Problem.of(
                  HttpServletResponse.SC_FORBIDDEN,
                  "This association is suspended; its data is kept until it is reactivated."));
          return;
        }
      }
      chain.doFilter(req, res);
      return;
    }
    if (TenantResolver.isAsset(path)) {
      // Style sheets and scripts, the same on the shared host and on custom domains.
      chain.doFilter(req, res);
      return;
    }
    if (path.startsWith(VIEW_ROOT + "/") || path.startsWith(ERROR_PAGES + "/")) {
      // The error page is shown on the container's error dispatch only: asked for directly it has
      // no error to show (and failed with a 500).
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    TenantResolution resolution = resolver.resolution(req);
    if (resolution.tenant().isEmpty()) {
      // Not an association's page: the platform's own (home, static files, health, OpenAPI,
      // login callback, the platform admins' pages), or nothing, which the container answers
      // with 404.
      Optional<String> role = PageAccess.requiredPlatformRole(path);
      if (role.isPresent() && !req.isUserInRole(role.get())) {
        res.sendError(
            req.getUserPrincipal() == null
                ? HttpServletResponse.SC_UNAUTHORIZED
                : HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      if (role.isPresent()
          && PLATFORM_PAGE.matcher(path).matches()
          && req.getServletContext().getResource(path + ".xhtml") != null) {
        req.getRequestDispatcher(path + ".xhtml").forward(req, res);
        return;
      }
      chain.doFilter(req, res);
      return;
    }
    if (resolution.tenant().get().suspended()) {
      // Every page, the login's included: the error page says why (error.suspended).
      req.setAttribute(SUSPENDED, Boolean.TRUE);
      res.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String within = resolution.pathWithinTenant();
    if (within.isEmpty()) {
      res.sendRedirect(req.getContextPath() + resolution.urlPrefix() + "/");
      return;
    }
    Optional<String> view = viewFor(within);
    if (view.isEmpty()
        || req.getServletContext().getResource(view.get()) == null
        || (PageAccess.unionOnly(within)
            && resolution.tenant().get().kind() != Tenant.Kind.UNION)) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!PageAccess.mayOpen(within, req::isUserInRole)) {
      res.sendError(
          req.getUserPrincipal() == null
              ? HttpServletResponse.SC_UNAUTHORIZED
              : HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    if (keptPages.applies(req, within)) {
      keptPages.forward(
          req, res, resolution.tenant().get(), within, resolution.urlPrefix(), view.get());
      return;
    }
    req.getRequestDispatcher(view.get()).forward(req, res);
  }

  /** "/" is the home view; "/admin/roles" is "/t/admin/roles.xhtml". */
  static Optional<String> viewFor(String pathWithinTenant) {
    if (!PAGE_PATH.matcher(pathWithinTenant).matches()) {
      return Optional.empty();
    }
    String page =
        pathWithinTenant.endsWith("/") && pathWithinTenant.length() > 1
            ? pathWithinTenant.substring(0, pathWithinTenant.length() - 1)
            : pathWithinTenant;
    return Optional.of(VIEW_ROOT + ("/".equals(page) ? "/home" : page) + ".xhtml");
  }

  private static void notFoundProblem(HttpServletResponse res, String detail) {
    ProblemWriter.write(res, Problem.of(HttpServletResponse.SC_NOT_FOUND, detail));
  }
}
