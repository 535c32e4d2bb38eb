package eu.municipia.tenancy.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomDomainTest {

  @Test
  void hostNamesAreTakenInLowerCaseWithoutTheFinalDot() {
    assertThat(CustomDomain.normalized("  Obce.SMOPK.cz. ")).isEqualTo("obce.smopk.cz");
    assertThat(CustomDomain.normalized(" ")).isNull();
    assertThat(CustomDomain.isWellFormed("obce.smopk.cz")).isTrue();
    assertThat(CustomDomain.isWellFormed("xn--obce-plzesk-kraj-zyb.cz")).isTrue();
    assertThat(CustomDomain.isWellFormed("a-b.c-d.example")).isTrue();
  }

  @Test
  void anythingButAPlainHostNameIsRefused() {
    for (String bad :
        new String[] {
          "smopk",
          "https://obce.smopk.cz",
          "obce.smopk.cz/members",
          "obce.smopk.cz:8443",
          "10.0.0.1",
          "-obce.smopk.cz",
          "obce-.smopk.cz",
          "obce..cz",
          "obce_smopk.cz",
          "obce.smopk.cz ",
          "Obce.smopk.cz",
          "obce plzeň.cz",
          "a".repeat(64) + ".cz",
          ("abc.").repeat(64) + "cz"
        }) {
      assertThat(CustomDomain.isWellFormed(bad)).as(bad).isFalse();
    }
  }
}
