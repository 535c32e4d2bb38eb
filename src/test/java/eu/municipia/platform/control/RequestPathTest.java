package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which raw paths count as their plain selves. The container's mapping is given as Payara reported
 * it for each (servlet path + path info), including its quirks.
 */
class RequestPathTest {

  @Test
  void aPlainPathIsItself() {
    assertThat(RequestPath.canonical("/smopk/members", "", "/smopk/members", null))
        .contains("/smopk/members");
    assertThat(
            RequestPath.canonical(
                "/api/v1/tenants/smopk/people", "", "/api/v1", "/tenants/smopk/people"))
        .contains("/api/v1/tenants/smopk/people");
    assertThat(RequestPath.canonical("/ctx/smopk/", "/ctx", "/smopk/", null)).contains("/smopk/");
  }

  @Test
  void aDirectoryMappedToItsWelcomeFileIsTheDirectory() {
    assertThat(RequestPath.canonical("/", "", "/index.xhtml", null)).contains("/");
    assertThat(RequestPath.canonical("/smopk/", "", "/smopk/index.xhtml", null))
        .contains("/smopk/");
    assertThat(RequestPath.canonical("/smopk", "", "/smopk/index.xhtml", null)).isEmpty();
  }

  @Test
  void escapesThatAPathOfOursNeedsAreDecoded() {
    assertThat(RequestPath.canonical("/smopk/a%20b", "", "/smopk/a b", null))
        .contains("/smopk/a b");
    assertThat(RequestPath.canonical("/smopk/%C5%BE", "", "/smopk/\u017e", null))
        .contains("/smopk/\u017e");
  }

  @Test
  void aSecondSpellingOfAPathIsRefused() {
    // Payara maps these to the real pages: /%70latform/ is /platform/.
    assertThat(
            RequestPath.canonical(
                "/%70latform/register.xhtml", "", "/platform/register.xhtml", null))
        .isEmpty();
    assertThat(RequestPath.canonical("/%74/admin/roles.xhtml", "", "/t/admin/roles.xhtml", null))
        .isEmpty();
    assertThat(RequestPath.canonical("/smopk/%2e%2e/platform/x", "", "/platform/x", null))
        .isEmpty();
    assertThat(RequestPath.canonical("/smopk/%2E/members", "", "/smopk/members", null)).isEmpty();
  }

  @Test
  void whatTheContainerDecodesDifferentlyIsRefused() {
    // Grizzly kept only the low byte of U+0170: the platform's page under another name.
    assertThat(
            RequestPath.canonical(
                "/%C5%B0latform/register.xhtml", "", "/platform/register.xhtml", null))
        .isEmpty();
    assertThat(RequestPath.canonical("/smopk/%C5%BE", "", "/smopk/~", null)).isEmpty();
  }

  @Test
  void dotSegmentsDoubledSlashesAndPathParametersAreRefused() {
    assertThat(RequestPath.canonical("/static/../t/home.xhtml", "", "/t/home.xhtml", null))
        .isEmpty();
    assertThat(RequestPath.canonical("/smopk/./members", "", "/smopk/members", null)).isEmpty();
    assertThat(RequestPath.canonical("/smopk//members", "", "/smopk/members", null)).isEmpty();
    assertThat(RequestPath.canonical("/smopk;x=1/members", "", "/smopk/members", null)).isEmpty();
    assertThat(
            RequestPath.canonical(
                "/api/v1/tenants/smopk/members;jsessionid=1",
                "",
                "/api/v1",
                "/tenants/smopk/members"))
        .isEmpty();
    assertThat(RequestPath.canonical("/smopk/members/..", "", "/smopk/", null)).isEmpty();
  }

  @Test
  void encodedSlashesPercentsBackslashesAndControlsAreRefused() {
    for (String raw :
        new String[] {
          "/smopk%2Fmembers",
          "/smopk%2fmembers",
          "/smopk%5Cmembers",
          "/smopk\\members",
          "/%2570latform/",
          "/smopk/members%00",
          "/smopk/%0Amembers",
          "/smopk/%7F",
          "/smopk/%C5",
          "/smopk/%FF",
          "/smopk/%G0",
          "/smopk/%4",
          "/smopk/\u017e",
          "smopk/members"
        }) {
      assertThat(RequestPath.canonical(raw, "", raw, null)).as(raw).isEmpty();
    }
  }

  @Test
  void aRequestOutsideTheContextIsRefused() {
    assertThat(RequestPath.canonical("/other/x", "/ctx", "/x", null)).isEmpty();
    assertThat(RequestPath.canonical(null, "", "/x", null)).isEmpty();
  }
}
