package eu.municipia.platform.boundary;

import eu.municipia.identity.control.BrowserLogin;
import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.control.Languages;
import eu.municipia.platform.control.ReadCache;
import eu.municipia.platform.control.SiteLogos;
import eu.municipia.platform.control.SiteProfiles;
import eu.municipia.platform.control.TrustedProxies;
import eu.municipia.platform.entity.SiteProfile;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.control.TenantResolver;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every page shows around its content: the association, the language (Czech first, English
 * second, chosen with ?lang= and kept in a cookie), who is logged in, the navigation.
 */
@Named
@RequestScoped
public class Shell {

  private static final Logger LOG = Logger.getLogger(Shell.class.getName());

  @Inject HttpServletRequest request;
  @Inject TenantContext tenants;
  @Inject TenantDirectory directory;
  @Inject TenantResolver resolver;
  @Inject CurrentCaller caller;
  @Inject BrowserLogin browserLogin;
  @Inject TrustedProxies proxies;
  @Inject SiteProfiles profiles;
  @Inject SiteLogos logos;
  @Inject ReadCache cache;

  private String language;
  private Branding branding;
  private java.text.NumberFormat integers;
  private final Map<String, Boolean> roles = new HashMap<>();

  /** The association's colour and its logo's tag, read once per page. */
  private record Branding(String color, Optional<String> logoTag) {}

  public Locale getLocale() {
    if (language == null) {
      language = Languages.of(request);
      Optional<String> asked = Languages.asked(request);
      FacesContext faces = FacesContext.getCurrentInstance();
      if (asked.isPresent() && faces != null) {
        // Asked for on this request: kept in a cookie for the next pages (never in a session).
        HttpServletResponse response =
            (HttpServletResponse) faces.getExternalContext().getResponse();
        Languages.remember(asked.get(), request, response, proxies.isHttps(request));
      }
    }
    return Locale.forLanguageTag(language);
  }

  /**
   * A whole number with the page language's grouping ("188 000"), "" for none: what f:convertNumber
   * with groupingUsed writes, without a converter component on every row of a long table (the
   * directory's repeated rows were a third of its rendering time, JFR).
   */
  public String integer(Number value) {
    if (value == null) {
      return "";
    }
    if (integers == null) {
      integers = java.text.NumberFormat.getIntegerInstance(getLocale());
      integers.setGroupingUsed(true);
    }
    return integers.format(value);
  }

  /** This year, the default of forms that ask for one. */
  public int getCurrentYear() {
    return java.time.Year.now().getValue();
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public Optional<Tenant> tenant() {
    return tenants.find();
  }

  public boolean isInTenant() {
    return tenant().isPresent();
  }

  /** Whether the association is a national union (it has the union's view over its children). */
  public boolean isUnion() {
    return tenant().map(t -> t.kind() == Tenant.Kind.UNION).orElse(false);
  }

  public String getTenantName() {
    return tenant().map(t -> t.name(getLocale())).orElse("Municipia");
  }

  /**
   * The association's style sheet (its accent colour as a CSS custom property, after the platform's
   * sheet), its colour in the address so a new colour is fetched at once; empty outside one.
   */
  public String getTenantStylesheetUrl() {
    return branding().map(b -> api("/site/style.css?v=" + b.color().substring(1))).orElse("");
  }

  /** The association's logo for the header, or empty where it has none. */
  public String getLogoUrl() {
    return branding()
        .flatMap(Branding::logoTag)
        .map(tag -> api("/site/logo?v=" + tag.replace("\"", "")))
        .orElse("");
  }

  private Optional<Branding> branding() {
    if (tenant().isEmpty()) {
      return Optional.empty();
    }
    if (branding == null) {
      try {
        // Kept under the association's read version (site_profile and site_logo count in it):
        // every page shows it, and reading it was two transactions on every page.
        branding =
            cache.get(
                new ReadCache.Key(tenant().get().id(), "branding", List.of()),
                () -> new Branding(profiles.current().accentColor(), logos.etag()));
      } catch (RuntimeException e) {
        // The error page too has the shell: a database that fails it gets the platform's look.
        LOG.log(Level.WARNING, "The association's colour and logo could not be read", e);
        branding = new Branding(SiteProfile.DEFAULT_COLOR, Optional.empty());
      }
    }
    return Optional.of(branding);
  }

  /** The address of the current association's API path, e.g. {@code api("/site/logo")}. */
  public String api(String path) {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + tenant().map(Tenant::id).orElseThrow()
        + path;
  }

  public List<Tenant> getAllTenants() {
    return directory.all();
  }

  public String tenantName(Tenant t) {
    return t.name(getLocale());
  }

  /** A link within the current association: "/members" becomes "/ctx/smopk/members". */
  public String url(String pathWithinTenant) {
    return request.getContextPath() + resolver.resolution(request).urlPrefix() + pathWithinTenant;
  }

  /**
   * "page" when the path (within the association, e.g. "/magazine") is the page shown, for {@code
   * aria-current}; null otherwise, so the attribute is left out.
   */
  public String current(String pathWithinTenant) {
    String shown = resolver.resolution(request).pathWithinTenant();
    if (shown.length() > 1 && shown.endsWith("/")) {
      shown = shown.substring(0, shown.length() - 1);
    }
    return pathWithinTenant.equals(shown) ? "page" : null;
  }

  /** The same page in the other language. */
  public String getSwitchLanguageUrl() {
    String path = TenantResolver.pathWithinApp(request);
    return request.getContextPath()
        + path
        + "?"
        + Languages.PARAMETER
        + "="
        + ("en".equals(getLanguage()) ? "cs" : "en");
  }

  public Optional<Caller> getCaller() {
    return caller.find();
  }

  public boolean isLoggedIn() {
    return caller.find().isPresent();
  }

  public String getCallerName() {
    return caller.find().map(Caller::displayName).orElse("");
  }

  public boolean hasRole(String role) {
    // Only a caller that the authentication mechanism let in has roles (it names the caller where
    // it tells the container); the container's check is asked once per role and request, not for
    // each of the navigation's conditions.
    if (caller.find().isEmpty()) {
      return false;
    }
    return roles.computeIfAbsent(role, request::isUserInRole);
  }

  /** Ends the session here and at Keycloak, then returns to the association's home page. */
  public void logout() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String home = resolver.resolution(request).urlPrefix() + "/";
    external.redirect(browserLogin.logout(request, home).toString());
  }
}
