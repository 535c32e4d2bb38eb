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
import java.util.Map;
import java.util.stream.Collectors;

/** Tokens from the test Keycloak, as a program would get them (password grant, demo client). */
public final class Tokens {

  public static final String PASSWORD = "demo";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Tokens() {}

  /** An access token of a demo user, asking for all of their Organizations. */
  public static String accessToken(String username) {
    return tokens(username).getString("access_token");
  }

  public static String idToken(String username) {
    return tokens(username).getString("id_token");
  }

  public static JsonObject tokens(String username) {
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
