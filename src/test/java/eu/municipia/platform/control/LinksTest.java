package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.tenancy.entity.Tenant;
import eu.municipia.tenancy.entity.TenantSlug;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinksTest {

  private static final Tenant SMOPK =
      new Tenant(
          new TenantSlug("smopk"),
          Optional.empty(),
          "SMOPK",
          "SMOPK",
          Tenant.Kind.ASSOCIATION,
          Optional.empty());

  @Test
  void anAssociationWithoutItsOwnDomainLivesUnderThePlatformAddressAndItsSlug() {
    URI root = Links.rootOf(Links.parseBase("https://portal.example/"), SMOPK, Optional.empty());

    assertThat(new Links.Site(root).page("/members"))
        .hasToString("https://portal.example/smopk/members");
  }

  @Test
  void anAssociationWithItsOwnDomainKeepsThePlatformsSchemePortAndContextRoot() {
    URI root =
        Links.rootOf(
            Links.parseBase("http://localhost:8080/municipia"),
            SMOPK,
            Optional.of("obce.smopk.example"));

    assertThat(new Links.Site(root).page("/members"))
        .hasToString("http://obce.smopk.example:8080/municipia/members");
  }

  @Test
  void queryParametersAreEncoded() {
    Links.Site site = new Links.Site(URI.create("https://portal.example/smopk"));

    assertThat(site.page("/invitation", Map.of("token", "a+b/c=", "lang", "cs")))
        .hasToString("https://portal.example/smopk/invitation?lang=cs&token=a%2Bb%2Fc%3D");
  }

  @Test
  void aPathThatCouldLeaveTheSiteIsRefused() {
    Links.Site site = new Links.Site(URI.create("https://portal.example"));

    for (String bad : new String[] {"members", "//evil.example/x", "/a?b=c", "/a b", "/a#b"}) {
      assertThatThrownBy(() -> site.page(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aBaseUrlThatIsNoHttpAddressIsRefused() {
    for (String bad : new String[] {"portal.example", "ftp://portal.example", "https://x/?a=b"}) {
      assertThatThrownBy(() -> Links.parseBase(bad))
          .as(bad)
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
