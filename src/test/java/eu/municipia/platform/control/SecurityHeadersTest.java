package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Content-Security-Policy that follows the configured tile server and identity provider. */
class SecurityHeadersTest {

  @Test
  void thePolicyAllowsOnlyTheAppTheTileServerAndTheLoginsOrigin() {
    String policy =
        SecurityHeaders.policy(
            Optional.of("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
            "https://login.example.org/realms/municipia");

    assertThat(policy)
        .contains(
            "default-src 'self'",
            "script-src 'self';",
            "style-src 'self';",
            "img-src 'self' https://tile.openstreetmap.org;",
            "form-action 'self' https://login.example.org;",
            "frame-ancestors 'none'",
            "object-src 'none'")
        .doesNotContain("unsafe", "*");
  }

  @Test
  void subdomainTemplatesAndPortsKeepTheirOrigin() {
    assertThat(SecurityHeaders.tileOrigin("https://{s}.tiles.example:8443/{z}/{x}/{y}{r}.png"))
        .contains("https://*.tiles.example:8443");
    assertThat(SecurityHeaders.tileOrigin("http://localhost:9/tiles/{z}/{x}/{y}.png"))
        .contains("http://localhost:9");
  }

  @Test
  void noTilesOrAnOddUrlAddNoSource() {
    assertThat(SecurityHeaders.policy(Optional.empty(), "not a url"))
        .contains("img-src 'self';", "form-action 'self';");
    assertThat(SecurityHeaders.tileOrigin("javascript:alert(1)")).isEmpty();
    assertThat(SecurityHeaders.tileOrigin("//tiles.example/{z}/{x}/{y}.png")).isEmpty();
  }
}
