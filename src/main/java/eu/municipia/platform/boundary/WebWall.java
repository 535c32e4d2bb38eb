package eu.municipia.platform.boundary;

import eu.municipia.platform.control.Causes;
import eu.municipia.platform.control.Outages;
import eu.municipia.platform.control.RequestGuard;
import eu.municipia.platform.control.RequestMetrics;
import eu.municipia.platform.control.SecurityHeaders;
import eu.municipia.platform.control.SessionCookies;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The first filter (web.xml puts it before every other): refuses paths that are not canonical, sets
 * the security headers (again on error pages, which the container may render after clearing them),
 * marks a session cookie created further down Secure where the client used HTTPS, times the
 * request, and answers a request that a database outage stopped with 503 ({@link Outages}). The
 * authentication mechanism, which runs before any filter, does the same first steps through the
 * same {@link RequestGuard}.
 */
public class WebWall extends HttpFilter {

  @Inject RequestGuard guard;
  @Inject SecurityHeaders headers;
  @Inject SessionCookies cookies;
  @Inject RequestMetrics metrics;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() != DispatcherType.REQUEST) {
      headers.apply(req, res);
      chain.doFilter(req, res);
      return;
    }
    if (!guard.admit(req, res)) {
      return;
    }
    try {
      chain.doFilter(new SessionCookieRequest(req, res, cookies), res);
      metrics.finish(req, res);
    } catch (ServletException | RuntimeException e) {
      if (isFormTooLarge(e) && !res.isCommitted()) {
        // A form that the container found too large only on reading it: a multipart one sent
        // without its length (chunked), or a plain one past the listener's limit.
        res.reset();
        headers.apply(req, res);
        RequestGuard.refuseTooLarge(req, res);
        metrics.finish(req, res);
        return;
      }
      if (!Outages.isDatabaseOutage(e)) {
        metrics.finish(req, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        throw e;
      }
      // A page (or a filter before the API) that the database failed: 503 and the error page,
      // not the container's 500.
      Outages.answer(req, res, Outages.DATABASE, e);
      metrics.finish(req, res);
    } catch (IOException | Error e) {
      metrics.finish(req, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      throw e;
    }
  }

  /**
   * The container's refusal to read a form past its limits (Payara has no type of its own for it):
   * a multipart form past the servlet's limits, or a plain form past the listener's (Grizzly).
   */
  static boolean isFormTooLarge(Throwable e) {
    return Causes.any(
        e,
        t -> {
          String message = String.valueOf(t.getMessage());
          return t.getClass().getSimpleName().contains("SizeLimitExceeded")
              || message.contains("exceeds the configured maximum")
              || message.contains("Post too large");
        });
  }

  /** Sees every session that the code behind it creates, and every change of its id. */
  static final class SessionCookieRequest extends HttpServletRequestWrapper {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final SessionCookies cookies;

    SessionCookieRequest(
        HttpServletRequest request, HttpServletResponse response, SessionCookies cookies) {
      super(request);
      this.request = request;
      this.response = response;
      this.cookies = cookies;
    }

    @Override
    public HttpSession getSession() {
      return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
      boolean existed = request.getSession(false) != null;
      HttpSession session = super.getSession(create);
      if (!existed && session != null) {
        cookies.secureIfHttps(request, response);
      }
      return session;
    }

    @Override
    public String changeSessionId() {
      String id = super.changeSessionId();
      cookies.secureIfHttps(request, response);
      return id;
    }
  }
}
