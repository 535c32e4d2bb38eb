package eu.municipia.tenancy.entity;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The URL name of an association, also its Keycloak Organization alias and the value of every
 * {@code tenant_id} column. Lower-case letters, digits and hyphens, starting with a letter, and
 * none of the platform's own first path segments.
 */
public record TenantSlug(String value) {

  private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  /** First path segments the platform itself uses; no association may be named so. */
  public static final Set<String> RESERVED =
      Set.of(
          "api",
          "auth",
          "errors",
          "health",
          "metrics",
          "openapi",
          "platform",
          "static",
          "t",
          "webjars");

  public TenantSlug {
    Objects.requireNonNull(value, "Tenant slug is required.");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("Not a tenant slug: " + value);
    }
  }

  public static boolean isWellFormed(String candidate) {
    return candidate != null
        && FORMAT.matcher(candidate).matches()
        && !RESERVED.contains(candidate);
  }

  @Override
  public String toString() {
    return value;
  }
}
