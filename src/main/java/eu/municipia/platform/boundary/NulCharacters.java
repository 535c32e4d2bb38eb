package eu.municipia.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL cannot hold the NUL character in text, so an API call whose parameters or JSON body
 * carry one failed deep down with a 500 (a search filter, an official's name). Refused at the door
 * instead: 400 naming the parameter, or the body. After the roles check (priority USER), so a
 * caller without the right still gets 401/403 first.
 */
@Provider
@Priority(Priorities.USER)
public class NulCharacters implements ContainerRequestFilter, ReaderInterceptor {

  @Override
  public void filter(ContainerRequestContext request) {
    refuseNul(request.getUriInfo().getPathParameters());
    refuseNul(request.getUriInfo().getQueryParameters());
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type != null && type.getSubtype().toLowerCase(java.util.Locale.ROOT).contains("json")) {
      byte[] body = context.getInputStream().readAllBytes();
      if (holdsNul(body)) {
        throw new ValidationProblem(
            "body", "The request body must not contain the NUL character (\\u0000).");
      }
      context.setInputStream(new ByteArrayInputStream(body));
    }
    return context.proceed();
  }

  private static void refuseNul(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        if (value != null && value.indexOf('\0') >= 0) {
          throw new ValidationProblem(
              parameter.getKey(), parameter.getKey() + " must not contain the NUL character.");
        }
      }
    }
  }

  /**
   * A NUL byte, or JSON's escape for it ({@code \u0000} after an odd number of backslashes: an even
   * number is an escaped backslash followed by plain text).
   */
  static boolean holdsNul(byte[] json) {
    for (int i = 0; i < json.length; i++) {
      if (json[i] == 0) {
        return true;
      }
      if (json[i] == '\\' && i + 5 < json.length && isNulEscape(json, i + 1)) {
        int backslashes = 0;
        for (int j = i; j >= 0 && json[j] == '\\'; j--) {
          backslashes++;
        }
        if (backslashes % 2 == 1) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNulEscape(byte[] json, int at) {
    return json[at] == 'u'
        && json[at + 1] == '0'
        && json[at + 2] == '0'
        && json[at + 3] == '0'
        && json[at + 4] == '0';
  }
}
