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
 * A meeting (/{tenant}/resolutions/meeting?id=): when and where, the resolutions and files the
 * reader may see, the resolutions as a PDF; for members also the agenda and the online link.
 */
@Named
@RequestScoped
public class MeetingPage {

  @Inject Register register;
  @Inject HttpServletRequest request;
  @Inject TenantContext tenants;

  private Optional<Register.MeetingView> meeting;

  public Register.MeetingView getM() {
    return load().orElse(null);
  }

  public void check() throws IOException {
    Pages.notFoundIf(load().isEmpty());
  }

  public String getApi() {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + tenants.current().id()
        + "/meetings/"
        + getM().id();
  }

  public boolean isMember() {
    return request.isUserInRole(Role.MEMBER);
  }

  private Optional<Register.MeetingView> load() {
    if (meeting == null) {
      meeting =
          Optional.ofNullable(Ids.orNull(request.getParameter("id")))
              .flatMap(id -> register.meeting(id, isMember()));
    }
    return meeting;
  }
}
