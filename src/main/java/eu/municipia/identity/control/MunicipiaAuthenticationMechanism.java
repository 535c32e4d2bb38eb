package eu.municipia.identity.control;

import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.control.Languages;
import eu.municipia.platform.control.Outages;
import eu.municipia.platform.control.ProblemWriter;
import eu.municipia.platform.control.RequestGuard;
import eu.municipia.platform.control.RequestMetrics;
import eu.municipia.platform.control.SessionCookies;
import eu.municipia.platform.entity.Problem;
import eu.municipia.tenancy.control.TenantResolution;
import eu.municipia.tenancy.control.TenantResolver;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication mechanism of the application (Jakarta Security allows one per WAR): bearer
 * tokens for programs, the OIDC code flow with PKCE for people in a browser. Both end in the same
 * {@link Caller} and the same per-association groups. Payara's JAX-RS roles filter calls this even
 * for public resources, so a request without credentials is let through untouched and
 * {@code @RolesAllowed} answers it with 401.
 */
@ApplicationScoped
public class MunicipiaAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** The caller of the current request, for the boundaries (set for bearer and session alike). */
  public static final String CALLER_ATTRIBUTE = Caller.class.getName();

  /** State-changing API calls on a session cookie must carry this header (CSRF). */
  public static final String CSRF_HEADER = "X-Requested-By";

  private static final String RECORDED = MunicipiaAuthenticationMechanism.class + ".recorded";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject BearerTokens bearerTokens;
  @Inject BrowserLogin browserLogin;
  @Inject TenantResolver resolver;
  @Inject CallerGroups groups;
  @Inject RequestGuard guard;
  @Inject SessionCookies sessionCookies;
  @Inject RequestMetrics metrics;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    // This runs before every servlet filter: the wall's first steps happen here already.
    if (!guard.admit(request, response)) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    AuthenticationStatus status = validate(request, response, context);
    if (status == AuthenticationStatus.SEND_FAILURE
        || status == AuthenticationStatus.SEND_CONTINUE) {
      // Answered here (a refusal or a redirect): no filter will see this request.
      metrics.finish(request, response);
    }
    return status;
  }

  private AuthenticationStatus validate(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    try {
      return authenticate(request, response, context);
    } catch (IdentityProviderUnavailableException e) {
      // Keycloak is down: say so (503, the error page for people) rather than fail with a 500.
      Outages.answer(request, response, Outages.LOGIN_SERVICE, e);
      return AuthenticationStatus.SEND_FAILURE;
    } catch (RuntimeException e) {
      // A logged-in caller's roles come from the database: while it is out, 503 as well.
      if (!Outages.isDatabaseOutage(e)) {
        throw e;
      }
      Outages.answer(request, response, Outages.DATABASE, e);
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  private AuthenticationStatus authenticate(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = TenantResolver.pathWithinApp(request);
    boolean api = path.startsWith("/api/");
    if (!api && path.equals(BrowserLogin.CALLBACK_PATH)) {
      return completeLogin(request, response, context);
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      try {
        Caller caller = bearerTokens.verify(authorization.substring(7).trim());
        context.getMessageInfo().getMap().put("jakarta.servlet.http.authType", "Bearer");
        return login(request, context, caller);
      } catch (InvalidTokenException e) {
        return refuse(
            response, HttpServletResponse.SC_UNAUTHORIZED, "The bearer token is not valid.");
      }
    }
    Optional<Caller> inSession = browserLogin.loggedIn(request);
    if (inSession.isPresent()) {
      if (api
          && !SAFE_METHODS.contains(request.getMethod())
          && request.getHeader(CSRF_HEADER) == null) {
        return refuse(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "A change through the API with a session cookie needs the " + CSRF_HEADER + " header.");
      }
      recordFirstVisit(request, inSession.get());
      return login(request, context, inSession.get());
    }
    TenantResolution resolution = resolver.resolution(request);
    boolean protectedPage =
        resolution.tenant().isPresent()
            ? PageAccess.requiredRole(resolution.pathWithinTenant()).isPresent()
            : PageAccess.requiredPlatformRole(path).isPresent();
    if (!api && protectedPage) {
      String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
      String returnTo = path + query;
      String login = browserLogin.start(request, returnTo, Languages.of(request)).toString();
      // The pending login is the first thing that needs a session.
      sessionCookies.secureIfHttps(request, response);
      return context.redirect(login);
    }
    return context.doNothing();
  }

  private AuthenticationStatus login(
      HttpServletRequest request, HttpMessageContext context, Caller caller) {
    request.setAttribute(CALLER_ATTRIBUTE, caller);
    Optional<Tenant> tenant = resolver.resolve(request);
    return context.notifyContainerAboutLogin(
        new CallerPrincipal(caller.subject()), new HashSet<>(groups.of(caller, tenant)));
  }

  private AuthenticationStatus completeLogin(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    try {
      String returnTo = browserLogin.complete(request);
      // The login changed the session's id: a new cookie.
      sessionCookies.secureIfHttps(request, response);
      boolean local = returnTo.startsWith("/") && !returnTo.startsWith("//");
      return context.redirect(request.getContextPath() + (local ? returnTo : "/"));
    } catch (LoginFailedException e) {
      try {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
      } catch (IOException ignored) {
        // The client went away; nothing to tell it.
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  /** The first request of a session in an association records the person there. */
  private void recordFirstVisit(HttpServletRequest request, Caller caller) {
    Optional<Tenant> tenant = resolver.resolve(request);
    HttpSession session = request.getSession(false);
    if (tenant.isEmpty() || session == null) {
      return;
    }
    String key = RECORDED + "." + tenant.get().id();
    if (session.getAttribute(key) == null) {
      groups.recordLogin(caller, tenant.get());
      session.setAttribute(key, Boolean.TRUE);
    }
  }

  private static AuthenticationStatus refuse(
      HttpServletResponse response, int status, String detail) {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"municipia\", error=\"invalid_token\"");
    }
    ProblemWriter.write(response, Problem.of(status, detail));
    return AuthenticationStatus.SEND_FAILURE;
  }
}
