package eu.municipia.platform.control;

import eu.municipia.identity.control.OidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The security headers of every answer: pages, API, static files, redirects and error pages alike.
 * The Content-Security-Policy allows nothing but the app's own origin, except the map's tile server
 * (images) and the identity provider (where the logout form's redirect goes). The pages carry no
 * inline script or style: a violation is a bug, and the browser test reports it.
 */
@ApplicationScoped
public class SecurityHeaders {

  /** A year, the usual HSTS lifetime; only ever sent over HTTPS, as the standard requires. */
  static final String HSTS = "max-age=31536000";

  @Inject MapTiles tiles;
  @Inject TrustedProxies proxies;

  @Inject OidcSettings oidc;

  private volatile String policy;

  /** Sets the headers; idempotent, so every layer that may answer first can call it. */
  public void apply(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      return;
    }
    response.setHeader("Content-Security-Policy", policy());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    if (proxies.isHttps(request)) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
  }

  String policy() {
    String known = policy;
    if (known == null) {
      known = policy(tiles.url(), oidc.issuer());
      policy = known;
    }
    return known;
  }

  static String policy(Optional<String> tileUrl, String issuer) {
    StringJoiner images = new StringJoiner(" ").add("'self'");
    tileUrl.flatMap(SecurityHeaders::tileOrigin).ifPresent(images::add);
    StringJoiner forms = new StringJoiner(" ").add("'self'");
    origin(issuer).ifPresent(forms::add);
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src " + images,
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action " + forms,
        "frame-ancestors 'none'");
  }

  /**
   * The origin of a tile URL template; a {s} subdomain placeholder becomes a wildcard
   * ("https://{s}.tile.example/{z}/{x}/{y}.png" gives "https://*.tile.example").
   */
  static Optional<String> tileOrigin(String template) {
    String filled =
        template
            .replace("{s}", "s")
            .replace("{z}", "0")
            .replace("{x}", "0")
            .replace("{y}", "0")
            .replace("{r}", "");
    Optional<String> origin = origin(filled);
    if (origin.isEmpty() || !template.contains("{s}.")) {
      return origin;
    }
    return origin.map(o -> o.replaceFirst("://s\\.", "://*."));
  }

  static Optional<String> origin(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.empty();
      }
      return Optional.of(
          scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
