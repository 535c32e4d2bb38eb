package eu.municipia.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** Data that several tests make through the API the way an admin does. */
public final class TestData {

  private TestData() {}

  /** Makes the municipality a member of the association (a member already is fine). */
  public static void member(Api api, String tenant, String code, String adminToken) {
    Api.Response r =
        api.post(
            "/api/v1/tenants/" + tenant + "/members",
            adminToken,
            "application/json",
            "{\"code\":\"" + code + "\",\"since\":\"2025-01-01\"}");
    assertThat(r.status()).as(r.body()).isIn(201, 409);
  }

  /** Records an official of a member with an e-mail address; answers it as the API shows it. */
  public static JsonObject official(
      Api api, String tenant, String code, String name, String email, String adminToken) {
    Api.Response r =
        api.post(
            "/api/v1/tenants/" + tenant + "/members/" + code + "/officials",
            adminToken,
            "application/json",
            Json.createObjectBuilder()
                .add("role", "CONTACT")
                .add("name", name)
                .add("email", email)
                .build()
                .toString());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().asJsonObject();
  }
}
