package eu.municipia.identity.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Provisions logins in Keycloak through its admin REST API, for one association's Organization at a
 * time: finds the account of an address, creates a new one in the Organization (Keycloak mails the
 * person to confirm the address and set a password), adds an account that consented. Every step is
 * idempotent, so an invitation that failed half-way can simply be sent again.
 *
 * <p>Its service account may change any Organization of the realm, so the callers decide which one:
 * the current association's, and an existing account only after its owner consented (identity's
 * {@code Invitations}). Nothing here adds an existing account on its own.
 *
 * <p>The JAX-RS client of the server rather than keycloak-admin-client: that library brings
 * RESTEasy and Jackson, which would sit in the WAR beside Payara's Jersey (DESIGN.md).
 */
@ApplicationScoped
public class KeycloakProvisioning {

  static final long INVITATION_LIFESPAN_SECONDS = 7 * 24 * 3600;

  /** What a new account must do from Keycloak's e-mail: prove the address, choose a password. */
  static final List<String> NEW_ACCOUNT_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");

  /** An account of the realm, as far as inviting it is concerned. */
  public record Account(String id, String email, boolean emailVerified, Set<String> actions) {

    /** Whether Keycloak still waits for the person to do something (e.g. set a password). */
    public boolean unfinished() {
      return !actions.isEmpty();
    }
  }

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

  /** The account whose e-mail address this is, if the realm has one. */
  public Optional<Account> account(String email) {
    return call(
        () -> {
          String token = token();
          try (Response r =
              adminApi()
                  .path("users")
                  .queryParam("email", email)
                  .queryParam("exact", true)
                  .request(MediaType.APPLICATION_JSON)
                  .header("Authorization", "Bearer " + token)
                  .get()) {
            require(r, 200, "look up the user " + email);
            JsonArray users = r.readEntity(JsonArray.class);
            return users.isEmpty()
                ? Optional.empty()
                : Optional.of(account(users.getJsonObject(0)));
          }
        });
  }

  /** Whether the account belongs to the association's Organization already. */
  public boolean isMember(String organizationAlias, String userId) {
    return call(
        () -> {
          String token = token();
          WebTarget admin = adminApi();
          String organization = organizationId(admin, token, organizationAlias);
          try (Response r =
              admin
                  .path("organizations/" + organization + "/members/" + userId)
                  .request(MediaType.APPLICATION_JSON)
                  .header("Authorization", "Bearer " + token)
                  .get()) {
            if (r.getStatus() == 404) {
              return false;
            }
            require(r, 200, "read the membership of " + userId);
            return true;
          }
        });
  }

  /**
   * Creates the login of a new person in the association's Organization; Keycloak mails them a link
   * to confirm the address and set a password (valid 7 days). Answers the account's id.
   */
  public String createInvited(String organizationAlias, String email, String fullName) {
    return call(
        () -> {
          String token = token();
          WebTarget admin = adminApi();
          String organization = organizationId(admin, token, organizationAlias);
          String user = createUser(admin, token, email, fullName);
          addMember(admin, token, organization, user);
          sendActions(admin, token, user, NEW_ACCOUNT_ACTIONS);
          return user;
        });
  }

  /** Mails the person Keycloak's link again for what their account still needs. */
  public void resendActions(Account account) {
    call(
        () -> {
          sendActions(adminApi(), token(), account.id(), List.copyOf(account.actions()));
          return null;
        });
  }

  /**
   * Adds an account to the association's Organization. Only for an account created for this
   * association, or one whose owner accepted an invitation to it.
   */
  public void addMember(String organizationAlias, String userId) {
    call(
        () -> {
          String token = token();
          WebTarget admin = adminApi();
          addMember(admin, token, organizationId(admin, token, organizationAlias), userId);
          return null;
        });
  }

  /**
   * The Organization of a new association: created with the association's slug as its alias, or
   * kept as it is where the realm has one with that alias already (a retry after a failure).
   */
  public void ensureOrganization(String alias, String name) {
    call(
        () -> {
          String token = token();
          WebTarget admin = adminApi();
          if (findOrganization(admin, token, alias).isPresent()) {
            return null;
          }
          JsonObject organization =
              Json.createObjectBuilder()
                  .add("name", name)
                  .add("alias", alias)
                  .add("enabled", true)
                  .build();
          try (Response r =
              admin
                  .path("organizations")
                  .request()
                  .header("Authorization", "Bearer " + token)
                  .post(Entity.json(organization.toString()))) {
            require(r, 201, "create the organization " + alias);
          }
          return null;
        });
  }

  private <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (ProcessingException e) {
      throw new IdentityProviderUnavailableException(oidc.issuer(), e);
    }
  }

  private static Account account(JsonObject user) {
    JsonArray actions = user.getJsonArray("requiredActions");
    return new Account(
        user.getString("id"),
        user.getString("email", null),
        user.getBoolean("emailVerified", false),
        actions == null
            ? Set.of()
            : Set.copyOf(
                actions.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList()));
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
    return findOrganization(admin, token, alias)
        .orElseThrow(
            () ->
                new ProvisioningFailedException(
                    "Keycloak has no Organization with the alias '" + alias + "'."));
  }

  private Optional<String> findOrganization(WebTarget admin, String token, String alias) {
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
          return Optional.of(o.getString("id"));
        }
      }
    }
    return Optional.empty();
  }

  private String createUser(WebTarget admin, String token, String email, String fullName) {
    String name = fullName == null ? "" : fullName.trim();
    int space = name.lastIndexOf(' ');
    var actions = Json.createArrayBuilder();
    NEW_ACCOUNT_ACTIONS.forEach(actions::add);
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("emailVerified", false)
            .add("firstName", space < 0 ? name : name.substring(0, space))
            .add("lastName", space < 0 ? "" : name.substring(space + 1))
            .add("enabled", true)
            .add("requiredActions", actions)
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

  private void sendActions(WebTarget admin, String token, String user, List<String> actions) {
    var list = Json.createArrayBuilder();
    actions.forEach(list::add);
    try (Response r =
        admin
            .path("users/" + user + "/execute-actions-email")
            .queryParam("lifespan", INVITATION_LIFESPAN_SECONDS)
            .request()
            .header("Authorization", "Bearer " + token)
            .put(Entity.json(list.build().toString()))) {
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
