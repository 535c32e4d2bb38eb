package eu.municipia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks the session cookie Secure when the client came over HTTPS through a trusted proxy. Payara
 * sets Secure only when its own connection is TLS (cookieSecure "dynamic"), which behind an ingress
 * that terminates TLS it never is; SameSite comes from payara-web.xml. Called right where a session
 * is created or changes its id (login, a form that needs one), while the answer is not yet sent.
 */
@ApplicationScoped
public class SessionCookies {

  @Inject TrustedProxies proxies;

  public void secureIfHttps(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted() || request.isSecure() || !proxies.isHttps(request)) {
      return;
    }
    String name = sessionCookieName(request);
    List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
    boolean changed = false;
    for (int i = 0; i < cookies.size(); i++) {
      String cookie = cookies.get(i);
      if (cookie.startsWith(name + "=") && !hasSecure(cookie)) {
        cookies.set(i, cookie + "; Secure");
        changed = true;
      }
    }
    if (changed) {
      response.setHeader("Set-Cookie", cookies.get(0));
      for (String cookie : cookies.subList(1, cookies.size())) {
        response.addHeader("Set-Cookie", cookie);
      }
    }
  }

  static String sessionCookieName(HttpServletRequest request) {
    String name = request.getServletContext().getSessionCookieConfig().getName();
    return name == null || name.isBlank() ? "JSESSIONID" : name;
  }

  static boolean hasSecure(String cookie) {
    for (String attribute : cookie.split(";")) {
      if (attribute.trim().toLowerCase(Locale.ROOT).equals("secure")) {
        return true;
      }
    }
    return false;
  }
}
