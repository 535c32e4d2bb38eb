package eu.municipia.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tokens from the test Keycloak, as a program would get them (password grant, demo client). A demo
 * user's tokens are reused while they have most of their life ahead ({@link #REUSE_WHILE}): every
 * grant makes Keycloak hash the password, and the tests ask for some hundreds; the demo users never
 * change in Keycloak, so a reused token says what a new one would. Other users (made by a test,
 * whose Organizations the test changes) get a new grant every time.
 */
public final class Tokens {

  public static final String PASSWORD = "demo";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * A demo user's tokens are handed out again while at least this much of their life is left (the
   * realm gives 5 minutes): a test that got one has minutes to use it, as with a new one.
   */
  static final Duration REUSE_WHILE = Duration.ofMinutes(4);

  private static final Map<String, Grant> DEMO_GRANTS = new ConcurrentHashMap<>();

  /** A grant's answer and when its access token expires. */
  private record Grant(JsonObject tokens, Instant expires) {}

  private Tokens() {}

  /** An access token of a demo user, asking for all of their Organizations. */
  public static String accessToken(String username) {
    return tokens(username).getString("access_token");
  }

  public static String idToken(String username) {
    return tokens(username).getString("id_token");
  }

  public static JsonObject tokens(String username) {
    if (!DemoUsers.ALL.contains(username)) {
      return grant(username);
    }
    Grant kept = DEMO_GRANTS.get(username);
    if (kept != null && Instant.now().plus(REUSE_WHILE).isBefore(kept.expires())) {
      return kept.tokens();
    }
    Instant asked = Instant.now();
    JsonObject fresh = grant(username);
    DEMO_GRANTS.put(
        username,
        new Grant(fresh, asked.plusSeconds(fresh.getJsonNumber("expires_in").longValue())));
    return fresh;
  }

  private static JsonObject grant(String username) {
    return post(
        TestStack.get().issuer() + "/protocol/openid-connect/token",
        Map.of(
            "grant_type", "password",
            "client_id", "municipia-cli",
            "username", username,
            "password", PASSWORD,
            "scope", "openid organization:*"));
  }

  /** A token of Keycloak's master admin, for setting up test data through the admin API. */
  public static String adminToken() {
    return post(
            TestStack.get().settings().keycloakUrl()
                + "/realms/master/protocol/openid-connect/token",
            Map.of(
                "grant_type", "password",
                "client_id", "admin-cli",
                "username", "admin",
                "password", "admin"))
        .getString("access_token");
  }

  static JsonObject post(String url, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            url + " answered " + response.statusCode() + ": " + response.body());
      }
      return Json.createReader(new StringReader(response.body())).readObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
