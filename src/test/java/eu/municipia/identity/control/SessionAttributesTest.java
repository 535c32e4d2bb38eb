package eu.municipia.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.LoginSession;
import eu.municipia.identity.entity.Person;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the app puts into the web session crosses to another replica through Payara's Hazelcast data
 * grid, serialized: each kind must come back whole (ClusteredSessionIT proves the rest).
 */
class SessionAttributesTest {

  private static final Caller ANNA =
      new Caller(
          "http://localhost:8180/realms/municipia",
          "3c6f2a9e-1b57-4f0e-9d6a-5c2b8e7f4a10",
          "spravce.smopk",
          "Anna Nováková",
          "anna@example.org",
          Set.of("smopk"),
          false);

  @Test
  void theLoggedInCallerSurvivesSerialization() throws Exception {
    assertThat(roundTrip(ANNA)).isEqualTo(ANNA);
  }

  @Test
  void theLoginWithItsTokensAndTimesSurvivesSerialization() throws Exception {
    Instant at = Instant.parse("2026-01-05T10:00:00Z");
    LoginSession login =
        LoginSession.begin(
            ANNA,
            "id.token",
            "refresh.token",
            "sid-1",
            at,
            at,
            at,
            java.time.Duration.ofMinutes(5));

    assertThat(roundTrip(login)).isEqualTo(login);
  }

  @Test
  void thePendingLoginKeepsItsStateNonceAndPkceVerifier() throws Exception {
    BrowserLogin.PendingLogin pending =
        new BrowserLogin.PendingLogin(
            new State(),
            new Nonce(),
            new CodeVerifier(),
            "/smopk/",
            java.net.URI.create("https://portal.example/auth/callback"));

    BrowserLogin.PendingLogin copy = roundTrip(pending);

    assertThat(copy.state()).isEqualTo(pending.state());
    assertThat(copy.nonce()).isEqualTo(pending.nonce());
    assertThat(copy.verifier().getValue()).isEqualTo(pending.verifier().getValue());
    assertThat(copy.returnTo()).isEqualTo("/smopk/");
    assertThat(copy.redirectUri()).isEqualTo(pending.redirectUri());
  }

  @Test
  void aDetachedPersonThatTheRolesPageKeepsSurvivesSerialization() throws Exception {
    Person person = new Person(ANNA, Instant.parse("2026-01-05T10:00:00Z"));

    Person copy = roundTrip(person);

    assertThat(copy.id()).isEqualTo(person.id());
    assertThat(copy.subject()).isEqualTo(ANNA.subject());
    assertThat(copy.username()).isEqualTo("spravce.smopk");
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
