package eu.municipia.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginSessionTest {

  private static final Instant LOGIN = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(5);
  private static final Duration LIFETIME = Duration.ofHours(12);
  private static final Duration GRACE = Duration.ofMinutes(15);
  private static final Duration RETRY = Duration.ofSeconds(30);

  private static Caller anna(Set<String> organizations) {
    return new Caller("iss", "sub-anna", "anna", "Anna", "anna@example.org", organizations, false);
  }

  private static LoginSession login() {
    return LoginSession.begin(
        anna(Set.of("smopk")), "id", "refresh", "sid-1", LOGIN, LOGIN, LOGIN, INTERVAL);
  }

  @Test
  void aLoginIsBelievedForOneIntervalThenAskedAbout() {
    assertThat(login().due(LOGIN.plus(INTERVAL).minusSeconds(1))).isFalse();
    assertThat(login().due(LOGIN.plus(INTERVAL))).isTrue();
  }

  @Test
  void whatKeycloakSaysOnRefreshReplacesTheAssociations() {
    Instant later = LOGIN.plus(INTERVAL);
    LoginSession refreshed = login().confirmed(anna(Set.of()), null, "refresh-2", later, INTERVAL);

    assertThat(refreshed.caller().organizations()).isEmpty();
    assertThat(refreshed.refreshToken()).isEqualTo("refresh-2");
    assertThat(refreshed.idToken()).as("kept when not renewed").isEqualTo("id");
    assertThat(refreshed.due(later.plus(INTERVAL).minusSeconds(1))).isFalse();
    assertThat(refreshed.authenticatedAt())
        .as("the lifetime still counts from login")
        .isEqualTo(LOGIN);
  }

  @Test
  void aRefreshCannotChangeWhoIsLoggedIn() {
    Caller other = new Caller("iss", "sub-eva", "eva", "Eva", null, Set.of("smopk"), false);

    assertThatThrownBy(() -> login().confirmed(other, null, null, LOGIN, INTERVAL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noLoginOutlivesItsLifetimeWhateverKeycloakSays() {
    LoginSession refreshedLate =
        login().confirmed(anna(Set.of("smopk")), null, null, LOGIN.plus(LIFETIME), INTERVAL);

    assertThat(login().expired(LOGIN.plus(LIFETIME).minusSeconds(1), LIFETIME)).isFalse();
    assertThat(refreshedLate.expired(LOGIN.plus(LIFETIME), LIFETIME)).isTrue();
  }

  @Test
  void keycloakUnreachableKeepsTheCallerWithinTheGraceAndAsksAgainSoon() {
    Instant down = LOGIN.plus(INTERVAL);

    LoginSession kept = login().unconfirmed(down, GRACE, RETRY).orElseThrow();

    assertThat(kept.caller()).isEqualTo(login().caller());
    assertThat(kept.due(down.plus(RETRY).minusSeconds(1))).isFalse();
    assertThat(kept.due(down.plus(RETRY))).isTrue();
    assertThat(kept.confirmedAt()).as("still the last confirmation").isEqualTo(LOGIN);
  }

  @Test
  void keycloakUnreachableBeyondTheGraceEndsTheLogin() {
    assertThat(login().unconfirmed(LOGIN.plus(GRACE).minusSeconds(1), GRACE, RETRY)).isPresent();
    assertThat(login().unconfirmed(LOGIN.plus(GRACE), GRACE, RETRY)).isEmpty();
  }

  @Test
  void theLastRetryFallsOnTheEndOfTheGrace() {
    Instant almost = LOGIN.plus(GRACE).minusSeconds(10);

    LoginSession kept = login().unconfirmed(almost, GRACE, RETRY).orElseThrow();

    assertThat(kept.nextCheckAt()).isEqualTo(LOGIN.plus(GRACE));
  }
}
