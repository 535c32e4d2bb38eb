package eu.municipia.tenancy.entity;

import eu.municipia.platform.entity.EmailAddress;
import eu.municipia.platform.entity.SiteProfile;
import eu.municipia.platform.entity.Validated;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An association a platform admin creates: its slug (URL name and Keycloak Organization alias),
 * names in Czech and English, kind, the union it belongs to, its country (ISO 3166 alpha-2, CZ when
 * not given: the register its coverage counts) and the region it covers there (empty: the whole
 * country), and the e-mail address of its first admin. The page and the API check it here; whether
 * the slug is free, the parent a union and the region one of the register's, the control decides.
 *
 * <p>Optional: its accent colour (#rrggbb, dark enough for white text: {@link
 * SiteProfile#colorError}), its logo (the API sends a PNG or JPEG in base64; the page uploads a
 * file) and its custom domain ({@link CustomDomain}).
 */
public record NewAssociation(
    String slug,
    String nameCs,
    String nameEn,
    String kind,
    String parent,
    String country,
    String region,
    String adminEmail,
    String accentColor,
    String logo,
    String domain)
    implements Validated {

  static final int NAME_LENGTH = 200;

  /** Empty text is no value. */
  public NewAssociation {
    slug = trimmed(slug);
    nameCs = trimmed(nameCs);
    nameEn = trimmed(nameEn);
    kind = trimmed(kind);
    parent = trimmed(parent);
    country = trimmed(country) == null ? "CZ" : trimmed(country);
    region = trimmed(region);
    adminEmail = trimmed(adminEmail);
    accentColor =
        trimmed(accentColor) == null ? null : trimmed(accentColor).toLowerCase(Locale.ROOT);
    logo = trimmed(logo);
    domain = CustomDomain.normalized(domain);
  }

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (slug == null) {
      errors.put("slug", "association.error.required");
    } else if (!TenantSlug.isWellFormed(slug)) {
      errors.put("slug", "association.error.slug");
    }
    name(errors, "nameCs", nameCs);
    name(errors, "nameEn", nameEn);
    if (kind == null) {
      errors.put("kind", "association.error.required");
    } else if (!kind.equals("UNION") && !kind.equals("ASSOCIATION")) {
      errors.put("kind", "association.error.kind");
    }
    if (parent != null && !TenantSlug.isWellFormed(parent)) {
      errors.put("parent", "association.error.parent");
    }
    if (!country.matches("[A-Z]{2}")) {
      errors.put("country", "association.error.country");
    }
    if (region != null && region.length() > NAME_LENGTH) {
      errors.put("region", "association.error.region");
    }
    if (adminEmail == null) {
      errors.put("adminEmail", "association.error.required");
    } else if (!EmailAddress.isValid(adminEmail)) {
      errors.put("adminEmail", "association.error.email");
    }
    if (accentColor != null) {
      SiteProfile.colorError(accentColor).ifPresent(e -> errors.put("accentColor", e));
    }
    if (domain != null && !CustomDomain.isWellFormed(domain)) {
      errors.put("domain", "association.error.domain");
    }
    return errors;
  }

  public Tenant.Kind tenantKind() {
    return Tenant.Kind.valueOf(kind);
  }

  private static void name(Map<String, String> errors, String field, String value) {
    if (value == null) {
      errors.put(field, "association.error.required");
    } else if (value.length() > NAME_LENGTH) {
      errors.put(field, "association.error.name");
    }
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
