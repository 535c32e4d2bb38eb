package eu.municipia.identity.entity;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * A person (or program) whose token Keycloak signed: who they are and which associations (Keycloak
 * Organizations, by alias) they belong to. Kept in the web session after a browser login.
 */
public record Caller(
    String issuer,
    String subject,
    String username,
    String displayName,
    String email,
    Set<String> organizations,
    boolean platformAdmin)
    implements Serializable {

  public Caller {
    Objects.requireNonNull(issuer, "issuer is required");
    Objects.requireNonNull(subject, "subject is required");
    organizations = Set.copyOf(organizations);
    displayName = displayName == null || displayName.isBlank() ? username : displayName;
  }

  /** A token is honoured for an association only if its Organization claim lists it. */
  public boolean belongsTo(String tenantId) {
    return organizations.contains(tenantId);
  }
}
