package eu.municipia.identity.control;

import eu.municipia.identity.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Optional;

/** The caller the authentication mechanism recognised for this request, if any. */
@RequestScoped
public class CurrentCaller {

  @Inject HttpServletRequest request;

  public Optional<Caller> find() {
    return Optional.ofNullable(
        (Caller) request.getAttribute(MunicipiaAuthenticationMechanism.CALLER_ATTRIBUTE));
  }

  public Caller get() {
    return find().orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"municipia\""));
  }
}
