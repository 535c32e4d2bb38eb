package eu.municipia.platform.boundary;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.render.RenderKitFactory;

/**
 * The pages' one render kit, whatever the request says. Faces takes the render kit's id from the
 * request parameter {@code jakarta.faces.RenderKitId}, which anyone may put in a query string or
 * form, and failed with a 500 on an id it does not know (the error page too, which reads the same
 * request).
 */
public class OneRenderKit extends ViewHandlerWrapper {

  public OneRenderKit(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String calculateRenderKitId(FacesContext context) {
    return RenderKitFactory.HTML_BASIC_RENDER_KIT;
  }
}
