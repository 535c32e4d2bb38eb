package eu.municipia.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which forwarded headers are believed, from whom. */
class TrustedProxiesTest {

  private final TrustedProxies loopbackOnly = new TrustedProxies(TrustedProxies.DEFAULT);
  private final TrustedProxies cluster = new TrustedProxies("10.0.0.0/8, 192.0.2.7, fd00::/8");

  @Test
  void httpsIsBelievedFromATrustedProxyOnly() {
    assertThat(loopbackOnly.isHttps(request("127.0.0.1", Map.of("X-Forwarded-Proto", "https"))))
        .isTrue();
    assertThat(loopbackOnly.isHttps(request("::1", Map.of("X-Forwarded-Proto", "HTTPS")))).isTrue();
    assertThat(
            loopbackOnly.isHttps(
                request("0:0:0:0:0:0:0:1", Map.of("X-Forwarded-Proto", "https, http"))))
        .isTrue();
    assertThat(loopbackOnly.isHttps(request("192.0.2.9", Map.of("X-Forwarded-Proto", "https"))))
        .isFalse();
    assertThat(loopbackOnly.isHttps(request("127.0.0.1", Map.of("X-Forwarded-Proto", "http"))))
        .isFalse();
    assertThat(loopbackOnly.isHttps(request("127.0.0.1", Map.of()))).isFalse();
    assertThat(cluster.isHttps(request("10.42.7.3", Map.of("X-Forwarded-Proto", "https"))))
        .isTrue();
    assertThat(cluster.isHttps(request("192.0.2.7", Map.of("X-Forwarded-Proto", "https"))))
        .isTrue();
    assertThat(cluster.isHttps(request("192.0.2.8", Map.of("X-Forwarded-Proto", "https"))))
        .isFalse();
    assertThat(cluster.isHttps(request("fd12::5", Map.of("X-Forwarded-Proto", "https")))).isTrue();
    assertThat(cluster.isHttps(request("127.0.0.1", Map.of("X-Forwarded-Proto", "https"))))
        .isFalse();
  }

  @Test
  void noneTrustsNobody() {
    TrustedProxies none = new TrustedProxies("none");
    assertThat(none.isHttps(request("127.0.0.1", Map.of("X-Forwarded-Proto", "https")))).isFalse();
    assertThat(none.clientAddress(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.5"))))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void theClientIsTheLastAddressNoTrustedProxyAdded() {
    assertThat(
            cluster.clientAddress(
                request("10.1.1.1", Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.5"))))
        .isEqualTo("203.0.113.5");
    assertThat(
            cluster.clientAddress(
                request("10.1.1.1", Map.of("X-Forwarded-For", "203.0.113.5, 10.2.2.2"))))
        .isEqualTo("203.0.113.5");
    // From someone we do not trust, the header is theirs to invent: ignored.
    assertThat(cluster.clientAddress(request("203.0.113.9", Map.of("X-Forwarded-For", "10.9.9.9"))))
        .isEqualTo("203.0.113.9");
    // Garbage, or only trusted hops: the proxy itself.
    assertThat(
            cluster.clientAddress(request("10.1.1.1", Map.of("X-Forwarded-For", "evil.example"))))
        .isEqualTo("10.1.1.1");
    assertThat(cluster.clientAddress(request("10.1.1.1", Map.of("X-Forwarded-For", "10.3.3.3"))))
        .isEqualTo("10.1.1.1");
    assertThat(cluster.clientAddress(request("10.1.1.1", Map.of()))).isEqualTo("10.1.1.1");
  }

  @Test
  void aMisspeltSettingFailsLoudly() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app.trusted-proxies");
    assertThatThrownBy(() -> TrustedProxies.parse("ingress.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ingress.example");
  }

  private static HttpServletRequest request(String peer, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            TrustedProxiesTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteAddr" -> peer;
                  case "isSecure" -> false;
                  case "getHeader" -> headers.get((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
