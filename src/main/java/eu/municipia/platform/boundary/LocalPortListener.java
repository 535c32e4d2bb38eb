package eu.municipia.platform.boundary;

import eu.municipia.platform.control.Links;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells {@link Links} the port this server accepts requests on: the local port of the socket, which
 * the server chose (not the Host header, which the client writes). Used only where app.base-url is
 * not set.
 */
@WebListener
public class LocalPortListener implements ServletRequestListener {

  @Inject Links links;

  @Override
  public void requestInitialized(ServletRequestEvent event) {
    links.noteLocalPort(event.getServletRequest().getLocalPort());
  }
}
