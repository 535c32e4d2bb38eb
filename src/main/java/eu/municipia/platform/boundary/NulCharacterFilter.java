package eu.municipia.platform.boundary;

import eu.municipia.tenancy.control.TenantResolver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The pages' side of {@link NulCharacters}: a query or form parameter with the NUL character, which
 * PostgreSQL cannot hold, is a bad request (400), not a failure deep down. API calls are left to
 * NulCharacters, which answers them as problem+json and never reads their bodies here. It also
 * checks on the forward to a view, because TenantFilter forwards an association's pages without
 * passing the request on, and the order of two annotated filters is not defined. A multipart form
 * (a file upload) is never read here: the container parses it for the servlet of the address the
 * request came to, which has no multipart configuration even on the forward to the view, so its
 * fields could be lost, and Faces would take the post for a first visit. What such a form holds is
 * checked where it is used (the magazine's file refuses a NUL in its text alternative).
 */
@WebFilter(
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class NulCharacterFilter extends HttpFilter {

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    boolean multipart =
        req.getContentType() != null
            && req.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    if (!TenantResolver.pathWithinApp(req).startsWith("/api/") && !multipart && holdsNul(req)) {
      res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    chain.doFilter(req, res);
  }

  private static boolean holdsNul(HttpServletRequest req) throws IOException {
    if (req.getCharacterEncoding() == null) {
      // Reading the parameters fixes their encoding: UTF-8, as Faces would set for our pages;
      // the container's default (ISO-8859-1) would garble every Czech form.
      req.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
    return req.getParameterMap().values().stream()
        .flatMap(java.util.Arrays::stream)
        .anyMatch(value -> value != null && value.indexOf('\0') >= 0);
  }
}
