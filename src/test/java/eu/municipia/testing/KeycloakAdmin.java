package eu.municipia.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;

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

  private static JsonReader send(String method, String url, JsonObject body) {
    return Json.createReader(new StringReader(request(method, url, body).body()));
  }

  private static HttpResponse<String> request(String method, String url, JsonObject body) {
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
