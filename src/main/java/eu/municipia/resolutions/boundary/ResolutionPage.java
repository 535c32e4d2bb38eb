package eu.municipia.resolutions.boundary;

import eu.municipia.identity.entity.Role;
import eu.municipia.resolutions.control.Register;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * One resolution (/{tenant}/resolutions/resolution?number=SV/2026/14, or ?id=): its text, vote and
 * how its outcome follows from the rules, its tasks, revisions and the resolutions that change it
 * or that it changes. Not found (404) where the reader may not read it.
 */
@Named
@RequestScoped
public class ResolutionPage {

  @Inject Register register;
  @Inject HttpServletRequest request;
  @Inject TenantContext tenants;

  private Optional<Register.Detail> detail;

  public Register.Detail getR() {
    return load().orElse(null);
  }

  public boolean isFound() {
    return load().isPresent();
  }

  /** View action: a resolution the reader may not read is not there. */
  public void check() throws IOException {
    Pages.notFoundIf(load().isEmpty());
  }

  public String getPdfLink() {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + tenants.current().id()
        + "/meetings/"
        + getR().meetingId()
        + "/resolutions.pdf";
  }

  private Optional<Register.Detail> load() {
    if (detail == null) {
      boolean member = request.isUserInRole(Role.MEMBER);
      String number = request.getParameter("number");
      String id = request.getParameter("id");
      if (number != null && !number.isBlank() && number.length() <= 100) {
        detail = register.byNumber(number.trim(), member);
      } else {
        detail = Optional.ofNullable(Ids.orNull(id)).flatMap(i -> register.detail(i, member));
      }
    }
    return detail;
  }
}
