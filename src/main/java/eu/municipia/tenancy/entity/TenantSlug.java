package eu.municipia.tenancy.entity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The URL name of an association, also its Keycloak Organization alias and the value of every
 * {@code tenant_id} column. Lower-case letters, digits and hyphens, starting with a letter.
 */
public record TenantSlug(String value) {

  private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{1,39}");

  public TenantSlug {
    Objects.requireNonNull(value, "Tenant slug is required.");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a tenant slug: " + value);
    }
  }

  public static boolean isWellFormed(String candidate) {
    return candidate != null && FORMAT.matcher(candidate).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
