package eu.municipia.tenancy.boundary;

import eu.municipia.tenancy.control.TenantResolution;
import eu.municipia.tenancy.control.TenantResolver;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Gives the association's views their public URLs back: a form on {@code /t/members.xhtml} posts to
 * {@code /smopk/members}, so the postback passes through the same tenant resolution as the first
 * request.
 */
public class TenantViewHandler extends ViewHandlerWrapper {

  public TenantViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    String prefix = TenantFilter.VIEW_ROOT + "/";
    if (viewId == null || !viewId.startsWith(prefix)) {
      return super.getActionURL(context, viewId);
    }
    HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
    String tenantPrefix =
        TenantResolver.resolved(request).map(TenantResolution::urlPrefix).orElse("");
    String page = viewId.substring(prefix.length(), viewId.length() - ".xhtml".length());
    return request.getContextPath() + tenantPrefix + ("home".equals(page) ? "/" : "/" + page);
  }
}
