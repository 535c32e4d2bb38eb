package eu.municipia.tenancy.control;

import eu.municipia.identity.control.OidcSettings;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Absolute links to an association's pages, for what leaves the app (e-mail now; feeds and calendar
 * files next): from the configured base address ({@code app.base-url}), never from the request's
 * Host header, which anyone can forge. Where no base address is configured (the local run and the
 * tests, where the port is chosen at start), the link names localhost and the port the request
 * really arrived on, which a client cannot change either.
 */
@ApplicationScoped
public class Links {

  @Inject OidcSettings settings;
  @Inject HttpServletRequest request;

  /** The absolute address of a page of the association: "/join/confirm" of SMOPK and so on. */
  public String page(Tenant tenant, String pathWithinTenant) {
    return base() + "/" + tenant.id() + pathWithinTenant;
  }

  private String base() {
    return settings
        .baseUrl()
        .orElseGet(() -> "http://localhost:" + request.getLocalPort() + request.getContextPath());
  }
}
