package eu.municipia.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Changes to the test realm through Keycloak's admin REST API, each undone by closing it. */
public final class KeycloakAdmin {

  private static final String REALM = "municipia";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private KeycloakAdmin() {}

  /**
   * Makes the realm publish the public half of {@code keys} in its JWKS, at a priority below the
   * realm's own key so that Keycloak goes on signing its tokens with its own key. The answer names
   * the key id Keycloak gave it; closing it removes the key from the realm.
   */
  public static PublishedKey publishRsaSigningKey(String name, KeyPair keys) {
    String realmId = send("GET", realmUrl(), null).readObject().getString("id");
    JsonObject component =
        Json.createObjectBuilder()
            .add("name", name)
            .add("providerId", "rsa")
            .add("providerType", "org.keycloak.keys.KeyProvider")
            .add("parentId", realmId)
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("priority", Json.createArrayBuilder().add("10"))
                    .add("enabled", Json.createArrayBuilder().add("true"))
                    .add("active", Json.createArrayBuilder().add("true"))
                    .add("algorithm", Json.createArrayBuilder().add("RS256"))
                    .add("privateKey", Json.createArrayBuilder().add(pkcs8Pem(keys))))
            .build();
    HttpResponse<String> created = request("POST", realmUrl() + "/components", component);
    String location =
        created
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new IllegalStateException("Keycloak named no component"));
    String componentId = location.substring(location.lastIndexOf('/') + 1);
    try {
      return new PublishedKey(componentId, kidOf((RSAPublicKey) keys.getPublic()));
    } catch (RuntimeException e) {
      deleteComponent(componentId);
      throw e;
    }
  }

  /** A signing key added to the realm; {@link #close()} deletes it again. */
  public record PublishedKey(String componentId, String kid) implements AutoCloseable {

    @Override
    public void close() {
      deleteComponent(componentId);
    }
  }

  /**
   * Creates a user with a password (no required actions), so a test has a login of its own to
   * change; closing it deletes the user again.
   */
  public static TestUser createUser(
      String username, String email, String password, boolean emailVerified) {
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", username)
            .add("email", email)
            .add("firstName", "Test")
            .add("lastName", username)
            .add("enabled", true)
            .add("emailVerified", emailVerified)
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)))
            .build();
    HttpResponse<String> created = request("POST", realmUrl() + "/users", user);
    String location = created.headers().firstValue("Location").orElseThrow();
    return new TestUser(location.substring(location.lastIndexOf('/') + 1), username, email);
  }

  /** A user with a verified address who belongs to the association's Organization. */
  public static TestUser createMember(String alias, String username, String password) {
    TestUser user = createUser(username, username + "@" + alias + ".example", password, true);
    addToOrganization(alias, user.id());
    return user;
  }

  /** A user a test made; {@link #close()} deletes it. */
  public record TestUser(String id, String username, String email) implements AutoCloseable {
    @Override
    public void close() {
      request("DELETE", realmUrl() + "/users/" + id, null);
    }
  }

  /** The id of a user of the realm by username (e.g. a demo user). */
  public static String userId(String username) {
    JsonArray found =
        Json.createReader(
                new StringReader(
                    request(
                            "GET",
                            realmUrl()
                                + "/users?exact=true&username="
                                + URLEncoder.encode(username, StandardCharsets.UTF_8),
                            null)
                        .body()))
            .readArray();
    if (found.isEmpty()) {
      throw new IllegalStateException("No user " + username);
    }
    return found.getJsonObject(0).getString("id");
  }

  public static void addToOrganization(String alias, String userId) {
    request(
        "POST",
        realmUrl() + "/organizations/" + organizationId(alias) + "/members",
        Json.createValue(userId));
  }

  public static void removeFromOrganization(String alias, String userId) {
    request(
        "DELETE",
        realmUrl() + "/organizations/" + organizationId(alias) + "/members/" + userId,
        null);
  }

  /** The usernames of an Organization's members. */
  public static Set<String> organizationMembers(String alias) {
    JsonArray members =
        Json.createReader(
                new StringReader(
                    request(
                            "GET",
                            realmUrl()
                                + "/organizations/"
                                + organizationId(alias)
                                + "/members?max=1000",
                            null)
                        .body()))
            .readArray();
    Set<String> usernames = new TreeSet<>();
    members.forEach(m -> usernames.add(m.asJsonObject().getString("username")));
    return usernames;
  }

  /** Keycloak's "log out" of a user in the admin console: ends all of the user's sessions. */
  public static void logoutUser(String userId) {
    request("POST", realmUrl() + "/users/" + userId + "/logout", null);
  }

  /** The ids of the user's Keycloak sessions (the {@code sid} of their tokens). */
  public static List<String> sessionIds(String userId) {
    JsonArray sessions =
        Json.createReader(
                new StringReader(
                    request("GET", realmUrl() + "/users/" + userId + "/sessions", null).body()))
            .readArray();
    return sessions.stream().map(v -> v.asJsonObject().getString("id")).toList();
  }

  /**
   * Sets attributes of a client (e.g. municipia-web's back-channel logout URL, which must name the
   * test's Payara); closing the answer puts the old values back.
   */
  public static AutoCloseable setClientAttributes(String clientId, Map<String, String> attributes) {
    String url = realmUrl() + "/clients/" + clientUuid(clientId);
    JsonObject before = send("GET", url, null).readObject();
    JsonObject oldAttributes = before.getJsonObject("attributes");
    JsonObjectBuilder changed = Json.createObjectBuilder(oldAttributes);
    attributes.forEach(changed::add);
    request("PUT", url, Json.createObjectBuilder(before).add("attributes", changed).build());
    return () -> request("PUT", url, before);
  }

  private static String clientUuid(String clientId) {
    JsonArray found = send("GET", realmUrl() + "/clients?clientId=" + clientId, null).readArray();
    return found.getJsonObject(0).getString("id");
  }

  private static String organizationId(String alias) {
    JsonArray found = send("GET", realmUrl() + "/organizations?search=" + alias, null).readArray();
    for (JsonValue o : found) {
      if (alias.equals(o.asJsonObject().getString("alias", null))) {
        return o.asJsonObject().getString("id");
      }
    }
    throw new IllegalStateException("No Organization " + alias);
  }

  private static void deleteComponent(String componentId) {
    request("DELETE", realmUrl() + "/components/" + componentId, null);
  }

  private static String kidOf(RSAPublicKey publicKey) {
    try {
      JWKSet published =
          JWKSet.parse(
              send("GET", TestStack.get().issuer() + "/protocol/openid-connect/certs", null)
                  .readObject()
                  .toString());
      for (JWK jwk : published.getKeys()) {
        if (jwk instanceof RSAKey rsa
            && !KeyUse.ENCRYPTION.equals(rsa.getKeyUse())
            && rsa.toRSAPublicKey().getModulus().equals(publicKey.getModulus())) {
          return rsa.getKeyID();
        }
      }
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("The realm's JWKS could not be read", e);
    }
    throw new IllegalStateException("The realm does not publish the added key");
  }

  private static String pkcs8Pem(KeyPair keys) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static String realmUrl() {
    return TestStack.get().settings().keycloakUrl() + "/admin/realms/" + REALM;
  }

  private static JsonReader send(String method, String url, JsonValue body) {
    return Json.createReader(new StringReader(request(method, url, body).body()));
  }

  private static HttpResponse<String> request(String method, String url, JsonValue body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + Tokens.adminToken())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + url + " answered " + response.statusCode() + ": " + response.body());
      }
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
