package eu.municipia.tenancy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.identity.control.PageAccess;
import eu.municipia.platform.control.TrustedProxies;
import eu.municipia.tenancy.entity.Tenant;
import eu.municipia.tenancy.entity.TenantSlug;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a request finds its association: by path, by custom domain, and not at all. */
class TenantRoutingTest {

  private static final Tenant SMOPK = tenant("smopk");
  private static final Tenant SMOCR = tenant("smocr");

  private final TenantResolver resolver = resolverWith(Map.of("obce.smopk.example", "smopk"));

  @Test
  void theApplicationsOwnPathsCannotBeTenantSlugs() {
    for (String path : List.of("api", "platform", "static", "t", "auth", "health")) {
      org.assertj.core.api.Assertions.assertThat(
              eu.municipia.tenancy.entity.TenantSlug.isWellFormed(path))
          .as(path)
          .isFalse();
    }
    org.assertj.core.api.Assertions.assertThat(
            eu.municipia.tenancy.entity.TenantSlug.isWellFormed("smopk"))
        .isTrue();
  }

  @Test
  void thePathNamesTheTenantOnTheSharedHost() {
    TenantResolution r = resolver.resolution(request("municipia.example", "/smopk/members"));

    assertThat(r.tenant()).contains(SMOPK);
    assertThat(r.pathWithinTenant()).isEqualTo("/members");
    assertThat(r.urlPrefix()).isEqualTo("/smopk");
  }

  @Test
  void aCustomDomainNamesTheTenantAndThePathStaysWhole() {
    TenantResolution r = resolver.resolution(request("obce.smopk.example", "/members"));

    assertThat(r.tenant()).contains(SMOPK);
    assertThat(r.pathWithinTenant()).isEqualTo("/members");
    assertThat(r.urlPrefix()).isEmpty();
  }

  @Test
  void hostNamesAreMatchedWithoutRegardToCase() {
    assertThat(resolver.resolve(request("OBCE.Smopk.example", "/members"))).contains(SMOPK);
  }

  @Test
  void aTrustedProxysForwardedHostNamesTheTenantAnUntrustedClientsDoesNot() {
    Map<String, String> forwarded = Map.of("X-Forwarded-Host", "obce.smopk.example:443");
    TenantResolution proxied =
        resolver.resolution(request("app.internal", "/members", "127.0.0.1", forwarded));
    assertThat(proxied.tenant()).contains(SMOPK);
    assertThat(proxied.pathWithinTenant()).isEqualTo("/members");

    assertThat(resolver.resolve(request("app.internal", "/members", "192.0.2.10", forwarded)))
        .as("a client that is not a trusted proxy")
        .isEmpty();
  }

  @Test
  void theApiPathNamesTheTenant() {
    assertThat(resolver.resolve(request("municipia.example", "/api/v1/tenants/smocr/me")))
        .contains(SMOCR);
  }

  @Test
  void onACustomDomainAnApiPathOfAnotherTenantFindsNothing() {
    assertThat(resolver.resolve(request("obce.smopk.example", "/api/v1/tenants/smocr/me")))
        .isEmpty();
  }

  @Test
  void unknownSlugsAndPlatformPathsHaveNoTenant() {
    assertThat(resolver.resolve(request("municipia.example", "/nosuch/members"))).isEmpty();
    assertThat(resolver.resolve(request("municipia.example", "/health/ready"))).isEmpty();
    assertThat(resolver.resolve(request("municipia.example", "/"))).isEmpty();
  }

  @Test
  void staticFilesAndWebJarsBelongToNoTenantOnEveryHost() {
    for (String host : new String[] {"municipia.example", "obce.smopk.example"}) {
      assertThat(resolver.resolve(request(host, "/static/site.css"))).as(host).isEmpty();
      assertThat(resolver.resolve(request(host, "/webjars/leaflet/1.9.4/dist/leaflet.js")))
          .as(host)
          .isEmpty();
    }
    assertThat(TenantResolver.isAsset("/webjars/leaflet/1.9.4/dist/leaflet.css")).isTrue();
    assertThat(TenantResolver.isAsset("/smopk/coverage")).isFalse();
    assertThat(TenantResolver.isAsset("/webjarsx")).isFalse();
  }

  @Test
  void theResolutionIsKeptOnTheRequest() {
    HttpServletRequest request = request("municipia.example", "/smopk/");

    assertThat(resolver.resolution(request)).isSameAs(resolver.resolution(request));
  }

  @Test
  void slugsAreLowerCaseNamesThatDoNotShadowPlatformPaths() {
    assertThat(TenantSlug.isWellFormed("smopk")).isTrue();
    assertThat(TenantSlug.isWellFormed("zmos-sk")).isTrue();
    assertThat(TenantSlug.isWellFormed("SMOPK")).isFalse();
    assertThat(TenantSlug.isWellFormed("a")).isFalse();
    assertThat(TenantSlug.isWellFormed("api")).isFalse();
    assertThat(TenantSlug.isWellFormed("health")).isFalse();
    assertThat(TenantSlug.isWellFormed("static")).isFalse();
    assertThat(TenantSlug.isWellFormed("webjars")).isFalse();
    assertThatThrownBy(() -> new TenantSlug("../etc")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void memberAndAdminAreasNeedTheirRoles() {
    assertThat(PageAccess.requiredRole("/")).isEmpty();
    assertThat(PageAccess.requiredRole("/members")).contains("member");
    assertThat(PageAccess.requiredRole("/members/dues")).contains("member");
    assertThat(PageAccess.requiredRole("/membership")).isEmpty();
    assertThat(PageAccess.requiredRole("/admin/roles")).contains("admin");
    assertThat(PageAccess.requiredRoles("/union")).contains(List.of("union-analyst", "admin"));
    assertThat(PageAccess.requiredRoles("/admin")).contains(List.of("admin"));
  }

  @Test
  void editorsPagesAreForEditorsAndAdminsAlike() {
    assertThat(PageAccess.mayOpen("/editor/articles", "editor"::equals)).isTrue();
    assertThat(PageAccess.mayOpen("/editor/articles", "admin"::equals)).isTrue();
    assertThat(PageAccess.mayOpen("/editor/articles", "member"::equals)).isFalse();
    assertThat(PageAccess.mayOpen("/editorial", "member"::equals)).isTrue();
    assertThat(PageAccess.mayOpen("/admin", "editor"::equals)).isFalse();
    assertThat(PageAccess.mayOpen("/magazine", role -> false)).isTrue();
    assertThat(PageAccess.requiredRole("/editor")).contains("editor");
  }

  private static Tenant tenant(String slug) {
    return new Tenant(
        new TenantSlug(slug),
        Optional.empty(),
        slug,
        slug,
        Tenant.Kind.ASSOCIATION,
        Optional.empty());
  }

  private static TenantResolver resolverWith(Map<String, String> domains) {
    TenantResolver resolver = new TenantResolver();
    resolver.proxies = new TrustedProxies("127.0.0.0/8");
    resolver.directory =
        new TenantDirectory() {
          @Override
          public Optional<Tenant> bySlug(String slug) {
            return Optional.ofNullable(Map.of("smopk", SMOPK, "smocr", SMOCR).get(slug));
          }

          @Override
          public Optional<Tenant> byHost(String host) {
            return Optional.ofNullable(domains.get(host)).flatMap(this::bySlug);
          }
        };
    return resolver;
  }

  /**
   * Just enough of a servlet request for the resolver: URI, host and attributes; the container
   * mapped it to the default servlet (the whole path is the servlet path).
   */
  private static HttpServletRequest request(String host, String uri) {
    return request(host, uri, "192.0.2.10", Map.of());
  }

  private static HttpServletRequest request(
      String host, String uri, String peer, Map<String, String> headers) {
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            TenantRoutingTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRequestURI" -> uri;
                  case "getContextPath" -> "";
                  case "getServletPath" -> uri;
                  case "getPathInfo" -> null;
                  case "getServerName" -> host;
                  case "getRemoteAddr" -> peer;
                  case "getHeader" -> headers.get((String) args[0]);
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
