package eu.municipia.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page request without Faces' {@code jakarta.faces.RenderKitId} parameter. The pages use the one
 * HTML render kit; any other id, which anyone may put in a query string or form, made Faces fail
 * with a 500 (also on the error page, which reads the same request). Hidden lazily: nothing is read
 * before Faces asks, so a multipart form is still parsed by the servlet it was sent to.
 */
final class WithoutRenderKitParameter extends HttpServletRequestWrapper {

  static final String NAME = "jakarta.faces.RenderKitId";

  WithoutRenderKitParameter(HttpServletRequest request) {
    super(request);
  }

  @Override
  public String getParameter(String name) {
    return NAME.equals(name) ? null : super.getParameter(name);
  }

  @Override
  public String[] getParameterValues(String name) {
    return NAME.equals(name) ? null : super.getParameterValues(name);
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    Map<String, String[]> all = super.getParameterMap();
    if (!all.containsKey(NAME)) {
      return all;
    }
    Map<String, String[]> without = new LinkedHashMap<>(all);
    without.remove(NAME);
    return Collections.unmodifiableMap(without);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(getParameterMap().keySet());
  }
}
