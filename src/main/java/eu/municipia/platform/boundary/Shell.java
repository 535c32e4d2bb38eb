package eu.municipia.platform.boundary;

import eu.municipia.identity.control.BrowserLogin;
import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.entity.Caller;
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
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every page shows around its content: the association, the language (Czech first, English
 * second, chosen with ?lang= and kept in the session), who is logged in, the navigation.
 */
@Named
@RequestScoped
public class Shell {

  public static final String LANGUAGE = "lang";
  private static final Set<String> LANGUAGES = Set.of("cs", "en");

  @Inject HttpServletRequest request;
  @Inject TenantContext tenants;
  @Inject TenantDirectory directory;
  @Inject TenantResolver resolver;
  @Inject CurrentCaller caller;
  @Inject BrowserLogin browserLogin;

  public Locale getLocale() {
    String asked = request.getParameter(LANGUAGE);
    boolean switching = asked != null && LANGUAGES.contains(asked);
    HttpSession session = request.getSession(switching);
    if (switching) {
      session.setAttribute(LANGUAGE, asked);
    }
    Object chosen = session == null ? null : session.getAttribute(LANGUAGE);
    return Locale.forLanguageTag(chosen == null ? "cs" : chosen.toString());
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

  public String getTenantName() {
    return tenant().map(t -> t.name(getLocale())).orElse("Municipia");
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
    return request.getContextPath() + path + "?lang=" + ("en".equals(getLanguage()) ? "cs" : "en");
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
    return request.isUserInRole(role);
  }

  /** Ends the session here and at Keycloak, then returns to the association's home page. */
  public void logout() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String home = resolver.resolution(request).urlPrefix() + "/";
    external.redirect(browserLogin.logout(request, home).toString());
  }
}
