package eu.municipia.identity.control;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.LoginSession;
import eu.municipia.platform.control.Links;
import eu.municipia.tenancy.control.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The browser login: OIDC authorization-code flow with PKCE (S256), state and nonce, against
 * Keycloak. The pending login lives in the session until the callback; the logged-in {@link Caller}
 * lives there afterwards.
 */
@ApplicationScoped
public class BrowserLogin {

  public static final String CALLBACK_PATH = "/auth/callback";
  private static final String PENDING = PendingLogin.class.getName();

  /** {@code organization:*}: all of a person's associations in one token, and no picker. */
  private static final Scope SCOPE = new Scope("openid", "profile", "email", "organization:*");

  @Inject OidcSettings settings;
  @Inject OidcProvider provider;
  @Inject BearerTokens bearerTokens;
  @Inject LoginSessions sessions;
  @Inject SessionPolicy policy;
  @Inject Clock clock;
  @Inject Links links;
  @Inject TenantResolver resolver;

  /** The address of Keycloak's login page for this request; remembers where to come back to. */
  public URI start(HttpServletRequest request, String returnTo, String language) {
    PendingLogin pending =
        new PendingLogin(
            new State(), new Nonce(), new CodeVerifier(), returnTo, callbackUri(request));
    request.getSession(true).setAttribute(PENDING, pending);
    AuthenticationRequest.Builder auth =
        new AuthenticationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE),
                SCOPE,
                new ClientID(settings.clientId()),
                pending.redirectUri())
            .endpointURI(provider.metadata().getAuthorizationEndpointURI())
            // Keycloak authenticates the person again where their last authentication is older
            // than a login may live here: a login that ended by age is never renewed silently.
            .maxAge((int) policy.lifetime().toSeconds())
            .state(pending.state())
            .nonce(pending.nonce())
            .codeChallenge(pending.verifier(), CodeChallengeMethod.S256);
    try {
      auth.uiLocales(List.of(LangTag.parse(language)));
    } catch (LangTagException ignoredBadLanguage) {
      // Keycloak then shows its default language.
    }
    return auth.build().toURI();
  }

  /**
   * Completes the login on the callback: checks state, exchanges the code with the PKCE verifier,
   * validates the ID token (signature, issuer, audience, nonce, authentication not older than a
   * login may live) and the access token, then keeps the login under a new session id. Returns
   * where the person wanted to go.
   */
  public String complete(HttpServletRequest request) throws LoginFailedException {
    HttpSession session = request.getSession(false);
    PendingLogin pending = session == null ? null : (PendingLogin) session.getAttribute(PENDING);
    if (pending == null) {
      throw new LoginFailedException("No login is in progress in this browser session.");
    }
    session.removeAttribute(PENDING);
    AuthenticationSuccessResponse success = parseCallback(request, pending);
    OIDCTokenResponse tokens = exchange(success.getAuthorizationCode(), pending);
    JWT idToken = tokens.getOIDCTokens().getIDToken();
    try {
      IDTokenClaimsSet claims =
          new IDTokenValidator(
                  new Issuer(settings.issuer()),
                  new ClientID(settings.clientId()),
                  new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, provider.keys()),
                  null)
              .validate(idToken, pending.nonce());
      Caller caller = bearerTokens.verify(tokens.getOIDCTokens().getAccessToken().getValue());
      Instant now = Instant.now(clock);
      Instant authenticated =
          claims.getAuthenticationTime() == null ? now : claims.getAuthenticationTime().toInstant();
      if (!now.isBefore(authenticated.plus(policy.lifetime()))) {
        throw new LoginFailedException(
            "The identity provider did not authenticate the person anew.");
      }
      Object sid = claims.getClaim("sid");
      LoginSession login =
          LoginSession.begin(
              caller,
              idToken.serialize(),
              tokens.getOIDCTokens().getRefreshToken() == null
                  ? null
                  : tokens.getOIDCTokens().getRefreshToken().getValue(),
              sid == null ? null : sid.toString(),
              authenticated,
              claims.getIssueTime().toInstant(),
              now,
              policy.revalidation());
      request.changeSessionId();
      sessions.begin(session, login);
      return pending.returnTo();
    } catch (com.nimbusds.jose.proc.BadJOSEException
        | com.nimbusds.jose.JOSEException
        | InvalidTokenException e) {
      throw new LoginFailedException("The tokens from the identity provider were refused.", e);
    }
  }

  /** The logged-in caller of this browser session, while the login is still believed. */
  public Optional<Caller> loggedIn(HttpServletRequest request) {
    return sessions.current(request);
  }

  /** Ends the session here and returns Keycloak's end-session address to end it there too. */
  public URI logout(HttpServletRequest request, String returnTo) {
    String idToken = sessions.end(request).orElse(null);
    // returnTo is a path within the app, perhaps with a query of ours (already encoded).
    int query = returnTo.indexOf('?');
    Links.Site site = links.of(resolver.resolution(request));
    URI back =
        query < 0
            ? site.page(returnTo)
            : URI.create(site.page(returnTo.substring(0, query)) + returnTo.substring(query));
    try {
      return new LogoutRequest(
              provider.metadata().getEndSessionEndpointURI(),
              idToken == null ? null : com.nimbusds.jwt.JWTParser.parse(idToken),
              null,
              new ClientID(settings.clientId()),
              back,
              null,
              null)
          .toURI();
    } catch (java.text.ParseException e) {
      return back;
    }
  }

  /**
   * Where Keycloak sends the browser back: on the site the login started from (the platform's
   * address, or an association's own domain), from configuration, never from the Host header.
   */
  private URI callbackUri(HttpServletRequest request) {
    return links.of(resolver.resolution(request)).page(CALLBACK_PATH);
  }

  private AuthenticationSuccessResponse parseCallback(
      HttpServletRequest request, PendingLogin pending) throws LoginFailedException {
    try {
      String query = request.getQueryString() == null ? "" : request.getQueryString();
      AuthenticationResponse response =
          AuthenticationResponseParser.parse(URI.create(pending.redirectUri() + "?" + query));
      if (response instanceof AuthenticationErrorResponse error) {
        throw new LoginFailedException(
            "The identity provider refused the login: " + error.getErrorObject().getCode());
      }
      if (!pending.state().equals(response.getState())) {
        throw new LoginFailedException("The login answer does not belong to this session.");
      }
      return response.toSuccessResponse();
    } catch (ParseException e) {
      throw new LoginFailedException("The login answer could not be read.", e);
    }
  }

  private OIDCTokenResponse exchange(AuthorizationCode code, PendingLogin pending)
      throws LoginFailedException {
    TokenRequest tokenRequest =
        new TokenRequest(
            provider.metadata().getTokenEndpointURI(),
            new ClientSecretBasic(
                new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
            new AuthorizationCodeGrant(code, pending.redirectUri(), pending.verifier()));
    try {
      com.nimbusds.oauth2.sdk.http.HTTPRequest http = tokenRequest.toHTTPRequest();
      http.setConnectTimeout(2000);
      http.setReadTimeout(10000);
      com.nimbusds.oauth2.sdk.http.HTTPResponse answer;
      try {
        answer = http.send();
      } catch (IOException e) {
        // Keycloak went away between the login form and this callback: an outage (503), not the
        // person's mistake; they log in again once it is back.
        throw new IdentityProviderUnavailableException(settings.issuer(), e);
      }
      if (answer.getStatusCode() >= 500) {
        throw new IdentityProviderUnavailableException(
            settings.issuer(), new IOException("HTTP " + answer.getStatusCode()));
      }
      TokenResponse response = OIDCTokenResponseParser.parse(answer);
      if (!response.indicatesSuccess()) {
        throw new LoginFailedException(
            "The identity provider refused the code: "
                + response.toErrorResponse().getErrorObject().getCode());
      }
      return (OIDCTokenResponse) response.toSuccessResponse();
    } catch (ParseException e) {
      throw new LoginFailedException("The identity provider's tokens could not be read.", e);
    }
  }

  /**
   * The login between the redirect to Keycloak and the callback. Serializable, because the session
   * is replicated and the callback may reach another replica (Nimbus' State, Nonce and CodeVerifier
   * are serializable). The redirect URI is kept, so the code exchange names exactly the one sent.
   */
  record PendingLogin(
      State state, Nonce nonce, CodeVerifier verifier, String returnTo, URI redirectUri)
      implements Serializable {}
}
