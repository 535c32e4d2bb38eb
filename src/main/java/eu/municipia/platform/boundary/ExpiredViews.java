package eu.municipia.platform.boundary;

import eu.municipia.platform.control.Causes;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form sent after its view was lost (the login's session ended while the page stood open, or the
 * form's state was forged) would fail with a 500. Instead the visitor gets the same page again by
 * GET, with {@code expired=1}, on which the shell says that the form expired and must be filled in
 * again. The address is the one the visitor used (before the tenant filter's forward) and never
 * another site's.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

  public ExpiredViews(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        if (expired(events.next().getContext().getException())) {
          events.remove();
          FacesContext faces = FacesContext.getCurrentInstance();
          if (!faces.getResponseComplete()) {
            redirectToTheSamePage(faces.getExternalContext());
            faces.responseComplete();
          }
        }
      }
      getWrapped().handle();
    }

    private static boolean expired(Throwable e) {
      return Causes.any(e, ViewExpiredException.class::isInstance);
    }

    private static void redirectToTheSamePage(ExternalContext external) {
      HttpServletRequest request = (HttpServletRequest) external.getRequest();
      Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
      String path = forwarded instanceof String uri ? uri : request.getRequestURI();
      Object forwardedQuery = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
      String query = forwarded != null ? (String) forwardedQuery : request.getQueryString();
      try {
        // A path of this application only: the container gave it, and it starts with the context.
        external.redirect(path + "?" + withExpired(query));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The page's own query (an admin's member page names its member), and expired=1 once. */
    static String withExpired(String query) {
      StringBuilder kept = new StringBuilder();
      if (query != null) {
        for (String pair : query.split("&")) {
          if (!pair.isEmpty() && !pair.equals("expired=1")) {
            kept.append(pair).append('&');
          }
        }
      }
      return kept.append("expired=1").toString();
    }
  }
}
