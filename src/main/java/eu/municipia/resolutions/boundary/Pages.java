package eu.municipia.resolutions.boundary;

import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Refusal;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** What the register's pages share: a page about nothing here is a 404, a refusal a notice. */
final class Pages {

  private Pages() {}

  /** Answers 404 (the error page) where the page's subject is missing or may not be seen. */
  static void notFoundIf(boolean missing) throws IOException {
    if (missing) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, "Not found.");
      faces.responseComplete();
    }
  }

  /** A refusal of an action of a table's row, which has no field of its own: above the forms. */
  static void refused(Refusal e) {
    FormMessages.error(
        e.fields().values().stream().findFirst().orElse(e.getMessage()), e.arguments());
  }
}
