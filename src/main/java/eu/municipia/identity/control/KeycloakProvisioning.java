package eu.municipia.identity.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provisions logins in Keycloak through its admin REST API: a user, their membership in the
 * association's Organization, and Keycloak's own e-mail that lets them set a password. Every step
 * is idempotent, so an invitation that failed half-way can simply be sent again.
 *
 * <p>The JAX-RS client of the server rather than keycloak-admin-client: that library brings
 * RESTEasy and Jackson, which would sit in the WAR beside Payara's Jersey (DESIGN.md).
 */
@ApplicationScoped
public class KeycloakProvisioning {

  static final long INVITATION_LIFESPAN_SECONDS = 7 * 24 * 3600;

  @Inject OidcSettings oidc;

  @Inject
  @ConfigProperty(name = "keycloak.provisioning.client-id", defaultValue = "municipia-provisioning")
  String clientId;

  @Inject
  @ConfigProperty(
      name = "keycloak.provisioning.client-secret",
      defaultValue = "municipia-provisioning-dev-secret")
  String clientSecret;

  private final Client client =
      ClientBuilder.newBuilder()
          .connectTimeout(5, TimeUnit.SECONDS)
          .readTimeout(20, TimeUnit.SECONDS)
          .build();

  @PreDestroy
  void close() {
    client.close();
  }

  /**
   * Makes sure a login exists for this e-mail, belongs to the association's Organization and is
   * asked by Keycloak's e-mail to set a password; answers the user's id (the tokens' subject).
   */
  public String invite(String organizationAlias, String email, String fullName) {
    try {
      String token = token();
      WebTarget admin = adminApi();
      String organization = organizationId(admin, token, organizationAlias);
      String user = findUser(admin, token, email);
      boolean created = user == null;
      if (created) {
        user = createUser(admin, token, email, fullName);
      }
      addMember(admin, token, organization, user);
      if (created || requiresPassword(admin, token, user)) {
        sendSetPasswordEmail(admin, token, user);
      }
      return user;
    } catch (ProcessingException e) {
      throw new IdentityProviderUnavailableException(oidc.issuer(), e);
    }
  }

  private String token() {
    Form form =
        new Form()
            .param("grant_type", "client_credentials")
            .param("client_id", clientId)
            .param("client_secret", clientSecret);
    try (Response r =
        client
            .target(oidc.issuer() + "/protocol/openid-connect/token")
            .request(MediaType.APPLICATION_JSON)
            .post(Entity.form(form))) {
      require(r, 200, "obtain a provisioning token (client " + clientId + ")");
      return r.readEntity(JsonObject.class).getString("access_token");
    }
  }

  private WebTarget adminApi() {
    // https://host/realms/x  ->  https://host/admin/realms/x
    int realms = oidc.issuer().lastIndexOf("/realms/");
    return client.target(
        oidc.issuer().substring(0, realms) + "/admin" + oidc.issuer().substring(realms));
  }

  private String organizationId(WebTarget admin, String token, String alias) {
    try (Response r =
        admin
            .path("organizations")
            .queryParam("search", alias)
            .request(MediaType.APPLICATION_JSON)
            .header("Authorization", "Bearer " + token)
            .get()) {
      require(r, 200, "find the organization " + alias);
      for (JsonValue v : r.readEntity(JsonArray.class)) {
        JsonObject o = v.asJsonObject();
        if (alias.equals(o.getString("alias", null))) {
          return o.getString("id");
        }
      }
    }
    throw new ProvisioningFailedException(
        "Keycloak has no Organization with the alias '" + alias + "'.");
  }

  private String findUser(WebTarget admin, String token, String email) {
    try (Response r =
        admin
            .path("users")
            .queryParam("email", email)
            .queryParam("exact", true)
            .request(MediaType.APPLICATION_JSON)
            .header("Authorization", "Bearer " + token)
            .get()) {
      require(r, 200, "look up the user " + email);
      JsonArray users = r.readEntity(JsonArray.class);
      return users.isEmpty() ? null : users.getJsonObject(0).getString("id");
    }
  }

  private boolean requiresPassword(WebTarget admin, String token, String user) {
    try (Response r =
        admin
            .path("users/" + user)
            .request(MediaType.APPLICATION_JSON)
            .header("Authorization", "Bearer " + token)
            .get()) {
      require(r, 200, "read the user " + user);
      JsonArray actions = r.readEntity(JsonObject.class).getJsonArray("requiredActions");
      return actions != null
          && actions.getValuesAs(JsonValue::toString).contains("\"UPDATE_PASSWORD\"");
    }
  }

  private String createUser(WebTarget admin, String token, String email, String fullName) {
    String name = fullName == null ? "" : fullName.trim();
    int space = name.lastIndexOf(' ');
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("firstName", space < 0 ? name : name.substring(0, space))
            .add("lastName", space < 0 ? "" : name.substring(space + 1))
            .add("enabled", true)
            .add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD"))
            .build();
    try (Response r =
        admin
            .path("users")
            .request()
            .header("Authorization", "Bearer " + token)
            .post(Entity.json(user.toString()))) {
      require(r, 201, "create the user " + email);
      String location = r.getLocation().getPath();
      return location.substring(location.lastIndexOf('/') + 1);
    }
  }

  private void addMember(WebTarget admin, String token, String organization, String user) {
    try (Response r =
        admin
            .path("organizations/" + organization + "/members")
            .request()
            .header("Authorization", "Bearer " + token)
            .post(Entity.json(Json.createValue(user).toString()))) {
      if (r.getStatus() != 409) { // 409: already a member
        require(r, 201, "add the user to the organization");
      }
    }
  }

  private void sendSetPasswordEmail(WebTarget admin, String token, String user) {
    try (Response r =
        admin
            .path("users/" + user + "/execute-actions-email")
            .queryParam("lifespan", INVITATION_LIFESPAN_SECONDS)
            .request()
            .header("Authorization", "Bearer " + token)
            .put(Entity.json("[\"UPDATE_PASSWORD\"]"))) {
      require(
          r,
          204,
          "send the e-mail to set a password (is an SMTP server set up in the Keycloak realm?)");
    }
  }

  private static void require(Response r, int expected, String what) {
    if (r.getStatus() != expected) {
      String body = r.hasEntity() ? r.readEntity(String.class) : "";
      throw new ProvisioningFailedException(
          "Keycloak could not "
              + what
              + ": HTTP "
              + r.getStatus()
              + (body.isBlank() ? "" : " " + abbreviate(body)));
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
