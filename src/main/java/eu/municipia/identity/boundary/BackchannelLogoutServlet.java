package eu.municipia.identity.boundary;

import eu.municipia.identity.control.EndedLogins;
import eu.municipia.identity.control.IdentityProviderUnavailableException;
import eu.municipia.identity.control.InvalidTokenException;
import eu.municipia.identity.control.LogoutTokens;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keycloak's back-channel logout ({@code POST /auth/backchannel-logout}, form field {@code
 * logout_token}; OpenID Connect Back-Channel Logout 1.0): Keycloak calls it, server to server, when
 * a session of the realm ends, and the app then ends its own sessions that rest on it, on every
 * replica ({@link EndedLogins}). Anyone may call it; only a logout token signed by the realm
 * counts. Answers 200, or 400 for a token that is not one (never cached, as the spec asks).
 */
@WebServlet(BackchannelLogoutServlet.PATH)
public class BackchannelLogoutServlet extends HttpServlet {

  public static final String PATH = "/auth/backchannel-logout";
  private static final Logger LOG = Logger.getLogger(BackchannelLogoutServlet.class.getName());

  @Inject LogoutTokens tokens;
  @Inject EndedLogins ended;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    try {
      ended.record(tokens.verify(request.getParameter("logout_token")));
      response.setStatus(HttpServletResponse.SC_OK);
    } catch (InvalidTokenException e) {
      LOG.fine(() -> "Back-channel logout refused: " + e.getMessage());
      answer(response, 400, "invalid_request", "The logout_token is not valid.");
    } catch (IdentityProviderUnavailableException | IllegalStateException e) {
      // The realm's keys or our database could not be reached: the session ends at its next
      // re-validation instead.
      LOG.log(Level.WARNING, "Back-channel logout could not be processed", e);
      answer(response, 503, "temporarily_unavailable", "Try again later.");
    }
  }

  private static void answer(
      HttpServletResponse response, int status, String error, String description)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
  }
}
