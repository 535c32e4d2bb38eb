package eu.municipia.platform.control;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;

/**
 * The language of the pages: Czech unless the visitor chose English with {@code ?lang=en}. The
 * choice lives in a small cookie, not in a session, so an anonymous visitor never gets a session.
 */
public final class Languages {

  public static final String PARAMETER = "lang";
  public static final String COOKIE = "lang";
  public static final String DEFAULT = "cs";
  private static final Set<String> SUPPORTED = Set.of("cs", "en");
  private static final int A_YEAR = 365 * 24 * 3600;

  private Languages() {}

  /** The language asked for with ?lang= on this request, if it is one we have. */
  public static Optional<String> asked(HttpServletRequest request) {
    return supported(request.getParameter(PARAMETER));
  }

  /** The language to show: asked for now, else chosen earlier (the cookie), else Czech. */
  public static String of(HttpServletRequest request) {
    return asked(request).or(() -> chosen(request)).orElse(DEFAULT);
  }

  /** Remembers the choice for the next visits. */
  public static void remember(
      String language, HttpServletRequest request, HttpServletResponse response, boolean https) {
    if (response.isCommitted() || supported(language).isEmpty()) {
      return;
    }
    if (chosen(request).filter(language::equals).isPresent()) {
      return;
    }
    response.addHeader(
        "Set-Cookie",
        COOKIE
            + "="
            + language
            + "; Path="
            + (request.getContextPath().isEmpty() ? "/" : request.getContextPath())
            + "; Max-Age="
            + A_YEAR
            + "; HttpOnly; SameSite=Lax"
            + (https ? "; Secure" : ""));
  }

  static Optional<String> chosen(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return supported(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> supported(String language) {
    return language != null && SUPPORTED.contains(language)
        ? Optional.of(language)
        : Optional.empty();
  }
}
