package eu.municipia.identity.boundary;

import eu.municipia.identity.control.BrowserLogin;
import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.control.IdentityProviderUnavailableException;
import eu.municipia.identity.control.Invitations;
import eu.municipia.identity.control.LoginSessions;
import eu.municipia.identity.control.ProvisioningFailedException;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Invitation;
import eu.municipia.identity.entity.InvitationRefusedException;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantResolver;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The page of an invitation link ({@code /{tenant}/invitation?token=...}): anyone may open it and
 * read what it offers, or why it no longer does (unknown 404; expired, used, withdrawn 410); the
 * owner of the invited login logs in ({@code &login} starts it) and accepts it with a button
 * (POST); any other login is told so (403) and offered to log out and in with the right one.
 * Opening the link changes nothing, so mail scanners that follow links accept nothing.
 */
@Named
@RequestScoped
public class InvitationPage {

  /** Where a link stands for the person looking at it; {@link #getState()} as in the page. */
  public enum State {
    VALID(200),
    UNKNOWN(404),
    EXPIRED(410),
    USED(410),
    WITHDRAWN(410),
    WRONG_ACCOUNT(403);

    private final int status;

    State(int status) {
      this.status = status;
    }

    String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  @Inject Invitations invitations;
  @Inject CurrentCaller caller;
  @Inject BrowserLogin browserLogin;
  @Inject LoginSessions sessions;
  @Inject TenantContext tenants;
  @Inject Shell shell;
  @Inject HttpServletRequest request;
  @Inject Clock clock;

  private String token;
  private Invitation invitation;
  private State state = State.UNKNOWN;

  /**
   * The link's token comes as the query parameter {@code token}, and on a postback as the form's
   * hidden field of that name: the state is known before Faces decides which forms are rendered
   * (and so which buttons it listens to).
   */
  @PostConstruct
  void init() {
    token = request.getParameter("token");
    decide();
  }

  /** On opening the link: answers the link's status as the HTTP status, or starts the login. */
  public void load() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (state == State.VALID && caller.find().isEmpty() && request.getParameter("login") != null) {
      external.redirect(browserLogin.start(request, pagePath(), shell.getLanguage()).toString());
      return;
    }
    external.setResponseStatus(state.status);
  }

  /** The owner of the invited login accepts; then on to the member area. */
  public String accept() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Optional<Caller> me = caller.find();
    if (me.isEmpty()) {
      decide();
      return null;
    }
    try {
      invitations.accept(token, me.get());
      // The login's tokens do not list the association yet, and Keycloak's refreshed ones would
      // not either (it keeps a session's Organizations as they were at login): log in anew, which
      // Keycloak's own session makes silent, and arrive in the member area.
      String language = shell.getLanguage();
      sessions.end(request);
      String members =
          TenantResolver.resolved(request).map(r -> r.urlPrefix()).orElse("") + "/members";
      faces
          .getExternalContext()
          .redirect(browserLogin.start(request, members, language).toString());
    } catch (InvitationRefusedException e) {
      decide();
      faces.getExternalContext().setResponseStatus(state.status);
    } catch (IdentityProviderUnavailableException | ProvisioningFailedException e) {
      decide();
      faces.getExternalContext().setResponseStatus(503);
      faces.addMessage(
          null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, format("invitation.error.keycloak"), null));
    }
    return null;
  }

  /** Logs out here and at Keycloak, and comes back to this link for the next login. */
  public void switchAccount() throws IOException {
    FacesContext.getCurrentInstance()
        .getExternalContext()
        .redirect(browserLogin.logout(request, pagePath()).toString());
  }

  private void decide() {
    invitation = invitations.find(token).orElse(null);
    if (invitation == null) {
      state = State.UNKNOWN;
      return;
    }
    state =
        switch (invitation.status(Instant.now(clock))) {
          case PENDING ->
              caller.find().map(invitation::isFor).orElse(true) ? State.VALID : State.WRONG_ACCOUNT;
          case EXPIRED -> State.EXPIRED;
          case ACCEPTED -> State.USED;
          case WITHDRAWN -> State.WITHDRAWN;
        };
  }

  /** This page with its token, within the app: where the login comes back to. */
  private String pagePath() {
    return TenantResolver.resolved(request).map(r -> r.urlPrefix()).orElse("")
        + "/invitation?token="
        + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8);
  }

  public String getToken() {
    return token;
  }

  /** "valid", "unknown", "expired", "used", "withdrawn" or "wrong-account". */
  public String getState() {
    return state.key();
  }

  /** What the page says about the link's state. */
  public String getMessage() {
    return switch (state) {
      case VALID -> format("invitation.valid");
      case UNKNOWN -> format("invitation.unknown");
      case EXPIRED -> format("invitation.expired");
      case USED -> format("invitation.used");
      case WITHDRAWN -> format("invitation.withdrawn");
      case WRONG_ACCOUNT -> format("invitation.wrongAccount");
    };
  }

  public String getAcceptText() {
    return format("invitation.valid.accept");
  }

  /** The same page, starting the login that comes back here. */
  public String getLoginUrl() {
    return shell.url("/invitation")
        + "?token="
        + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8)
        + "&login";
  }

  private String format(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle texts = faces.getApplication().getResourceBundle(faces, "msg");
    Locale locale = shell.getLocale();
    String role = invitation == null ? "" : texts.getString("role." + invitation.role().roleName());
    String expires =
        invitation == null
            ? ""
            : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(invitation.expiresAt().atZone(ZoneId.of("Europe/Prague")));
    Object[] args = {
      tenants.current().name(locale),
      role,
      invitation == null ? "" : masked(invitation.email()),
      expires,
      caller.find().map(Caller::username).orElse("")
    };
    return new MessageFormat(texts.getString(key), locale).format(args);
  }

  /** "j…@obec.example": enough for its owner to recognise, little for anyone else. */
  static String masked(String email) {
    if (email == null) {
      return "";
    }
    int at = email.indexOf('@');
    return at <= 0 ? "…" : email.charAt(0) + "…" + email.substring(at);
  }
}
