package eu.municipia.resolutions.boundary;

import eu.municipia.identity.entity.Role;
import eu.municipia.resolutions.control.Register;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The latest resolutions on the association's home page (those the reader may see). */
@Named
@RequestScoped
public class LatestResolutions {

  static final int COUNT = 5;

  @Inject Register register;
  @Inject HttpServletRequest request;

  private List<Register.Summary> items;

  public List<Register.Summary> getItems() {
    if (items == null) {
      items = register.latest(request.isUserInRole(Role.MEMBER), COUNT);
    }
    return items;
  }
}
