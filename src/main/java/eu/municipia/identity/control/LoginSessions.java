package eu.municipia.identity.control;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.LoginSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The browser logins kept in web sessions, and how long each is believed (see {@link
 * SessionPolicy}): on each request, a login past its absolute lifetime or whose Keycloak session
 * ended (back-channel logout, on any replica: {@link EndedLogins}) ends; one due for re-validation
 * asks Keycloak with its refresh token, and takes the caller Keycloak describes now (associations
 * included) or ends if Keycloak refuses. Keycloak not answering ends nobody at once: the login is
 * kept for a bounded grace ({@link LoginSession#unconfirmed}).
 */
@ApplicationScoped
public class LoginSessions {

  static final String ATTRIBUTE = LoginSession.class.getName();
  private static final Logger LOG = Logger.getLogger(LoginSessions.class.getName());
  private static final int CONNECT_TIMEOUT_MS = 2000;
  private static final int READ_TIMEOUT_MS = 5000;

  @Inject OidcSettings settings;
  @Inject OidcProvider provider;
  @Inject BearerTokens bearerTokens;
  @Inject EndedLogins endedLogins;
  @Inject SessionPolicy policy;
  @Inject Clock clock;

  /** Sessions whose refresh is under way on this replica: their other requests do not wait. */
  private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

  private final AtomicReference<Instant> lastOutageWarning = new AtomicReference<>(Instant.EPOCH);

  /** Keeps a completed login in the session (already given its new id by the caller). */
  public void begin(HttpSession session, LoginSession login) {
    session.setAttribute(ATTRIBUTE, login);
  }

  /** The caller of this browser session, if it is logged in and still believed. */
  public Optional<Caller> current(HttpServletRequest request) {
    return check(request).map(LoginSession::caller);
  }

  /** Ends the login here; answers the ID token, Keycloak's hint for ending its session too. */
  public Optional<String> end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Optional<String> idToken = Optional.ofNullable(loginIn(session)).map(LoginSession::idToken);
    session.invalidate();
    return idToken;
  }

  private Optional<LoginSession> check(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    LoginSession login = session == null ? null : loginIn(session);
    if (login == null) {
      return Optional.empty();
    }
    Instant at = Instant.now(clock);
    if (login.expired(at, policy.lifetime()) || endedLogins.ended(login)) {
      session.invalidate();
      return Optional.empty();
    }
    if (!login.due(at)) {
      return Optional.of(login);
    }
    if (!refreshing.add(session.getId())) {
      return Optional.of(login); // another request of this session is asking Keycloak right now
    }
    try {
      Optional<LoginSession> checked = revalidate(login, at);
      if (checked.isEmpty()) {
        session.invalidate();
      } else {
        session.setAttribute(ATTRIBUTE, checked.get());
      }
      return checked;
    } finally {
      refreshing.remove(session.getId());
    }
  }

  private Optional<LoginSession> revalidate(LoginSession login, Instant at) {
    if (login.refreshToken() == null) {
      return Optional.empty();
    }
    HTTPResponse answer;
    try {
      HTTPRequest http =
          new TokenRequest(
                  provider.metadata().getTokenEndpointURI(),
                  new ClientSecretBasic(
                      new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                  new RefreshTokenGrant(new RefreshToken(login.refreshToken())))
              .toHTTPRequest();
      http.setConnectTimeout(CONNECT_TIMEOUT_MS);
      http.setReadTimeout(READ_TIMEOUT_MS);
      answer = http.send();
    } catch (IOException | IdentityProviderUnavailableException e) {
      return outage(login, at, e);
    }
    if (answer.getStatusCode() >= 500) {
      return outage(login, at, new IOException("HTTP " + answer.getStatusCode()));
    }
    try {
      TokenResponse response = OIDCTokenResponseParser.parse(answer);
      if (!response.indicatesSuccess()) {
        // invalid_grant: the Keycloak session ended, the person was disabled or deleted.
        ErrorObject error = response.toErrorResponse().getErrorObject();
        LOG.fine(() -> "Keycloak refused to refresh a login: " + error.getCode());
        return Optional.empty();
      }
      AccessTokenResponse success = response.toSuccessResponse();
      Tokens tokens = success.getTokens();
      Caller caller = bearerTokens.verify(tokens.getAccessToken().getValue());
      return Optional.of(
          login.confirmed(
              caller,
              success instanceof OIDCTokenResponse oidc
                  ? oidc.getOIDCTokens().getIDTokenString()
                  : null,
              tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(),
              at,
              policy.revalidation()));
    } catch (ParseException | InvalidTokenException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "Keycloak's answer to a refresh was refused; the login ends", e);
      return Optional.empty();
    }
  }

  private Optional<LoginSession> outage(LoginSession login, Instant at, Exception cause) {
    Instant warned = lastOutageWarning.get();
    if (at.isAfter(warned.plusSeconds(60)) && lastOutageWarning.compareAndSet(warned, at)) {
      LOG.warning(
          "Keycloak does not answer refreshes ("
              + cause.getMessage()
              + "); logins are kept for up to "
              + policy.outageGrace().toSeconds()
              + " s after their last confirmation");
    }
    return login.unconfirmed(at, policy.outageGrace(), policy.outageRetry());
  }

  private static LoginSession loginIn(HttpSession session) {
    try {
      return session.getAttribute(ATTRIBUTE) instanceof LoginSession login ? login : null;
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }
}
