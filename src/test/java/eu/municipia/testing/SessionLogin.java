package eu.municipia.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's logged-in browser session without a browser: the real code flow through Keycloak's
 * login pages (username first, then password, as Keycloak with Organizations asks), done with plain
 * HTTP and a cookie jar. About ten times faster than Chromium, for tests that only need the session
 * cookie (which pages a logged-in person may open), not the rendering.
 */
public final class SessionLogin {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

  private SessionLogin() {}

  /**
   * Logs a demo user in through {@code protectedPath} (a page that asks for a login) and returns a
   * client whose cookie jar holds the app's session; it follows no redirects, so a test sees each
   * answer as it is.
   */
  public static HttpClient logIn(URI appBase, String protectedPath, String username) {
    Pending pending = upToTheCallback(appBase, protectedPath, username);
    // The app's callback checks state and nonce, then sends the person to the page they asked for.
    HttpResponse<String> callback = get(pending.client(), pending.callback());
    if (!isRedirect(callback) || !location(callback).getPath().equals(protectedPath)) {
      throw new IllegalStateException(
          "The app's login callback failed for " + username + ": " + describe(callback));
    }
    return pending.client();
  }

  /**
   * A login that Keycloak has granted and whose way back to the app's callback is not yet taken.
   */
  public record Pending(HttpClient client, URI callback) {}

  /**
   * Logs a demo user in at Keycloak through {@code protectedPath}, up to Keycloak's redirect back
   * to the app: the test decides what happens before the callback (Keycloak stopping, for one).
   */
  public static Pending upToTheCallback(URI appBase, String protectedPath, String username) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieJar())
            .build();
    HttpResponse<String> page = get(client, appBase.resolve(protectedPath));
    // The app sends the person to Keycloak; Keycloak may redirect once more within itself.
    while (isRedirect(page) && !isBackAtTheApp(page, appBase)) {
      page = get(client, location(page));
    }
    page = submitLoginForm(client, page, "username=" + encode(username), username);
    if (!isRedirect(page)) {
      page = submitLoginForm(client, page, "password=" + encode(Tokens.PASSWORD), username);
    }
    if (!isRedirect(page) || !isBackAtTheApp(page, appBase)) {
      throw new IllegalStateException(
          "Keycloak did not send " + username + " back to the app: " + describe(page));
    }
    return new Pending(client, location(page));
  }

  private static HttpResponse<String> submitLoginForm(
      HttpClient client, HttpResponse<String> page, String form, String username) {
    Matcher formTag = LOGIN_FORM.matcher(page.body());
    if (page.statusCode() != 200 || !formTag.find()) {
      throw new IllegalStateException(
          "No Keycloak login form for " + username + ": " + describe(page));
    }
    Matcher action = ACTION.matcher(formTag.group());
    if (!action.find()) {
      throw new IllegalStateException("Keycloak's login form has no action: " + formTag.group());
    }
    URI target = page.uri().resolve(action.group(1).replace("&amp;", "&"));
    return send(
        client,
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private static boolean isRedirect(HttpResponse<String> response) {
    return response.statusCode() / 100 == 3
        && response.headers().firstValue("Location").isPresent();
  }

  private static boolean isBackAtTheApp(HttpResponse<String> response, URI appBase) {
    return location(response).getPort() == appBase.getPort();
  }

  private static URI location(HttpResponse<String> response) {
    return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
  }

  private static HttpResponse<String> get(HttpClient client, URI uri) {
    return send(client, HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String describe(HttpResponse<String> response) {
    String body = response.body();
    return response.statusCode()
        + " from "
        + response.uri()
        + " "
        + response.headers().firstValue("Location").map(l -> "to " + l + " ").orElse("")
        + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
  }

  /**
   * Cookies per host and port, sent back whatever their flags say. Java's own CookieManager keeps
   * back cookies marked Secure on plain HTTP, and Keycloak marks its login cookies so (browsers
   * treat localhost as secure); ports tell the app's cookies from Keycloak's.
   */
  private static final class CookieJar extends CookieHandler {

    private final Map<String, Map<String, String>> byAuthority = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
      Map<String, String> cookies = byAuthority.getOrDefault(uri.getAuthority(), Map.of());
      if (cookies.isEmpty()) {
        return Map.of();
      }
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (n, v) ->
              header.append(header.length() == 0 ? "" : "; ").append(n).append('=').append(v));
      return Map.of("Cookie", List.of(header.toString()));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
      Map<String, String> cookies =
          byAuthority.computeIfAbsent(uri.getAuthority(), a -> new ConcurrentHashMap<>());
      responseHeaders.forEach(
          (name, values) -> {
            if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
              for (String value : values) {
                String[] attributes = value.split(";");
                int eq = attributes[0].indexOf('=');
                String cookie = attributes[0].substring(0, eq).trim();
                String content = attributes[0].substring(eq + 1).trim();
                boolean expired =
                    value.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")
                        || content.isEmpty();
                if (expired) {
                  cookies.remove(cookie);
                } else {
                  cookies.put(cookie, content);
                }
              }
            }
          });
    }
  }
}
