package eu.municipia.tenancy.entity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An association: a national union or a regional association under one. Shared reference data,
 * written only by platform administration, so it is a plain value here and not a tenant-owned
 * entity. A suspended association keeps its data, but its pages, API and logins are refused. Its
 * country (ISO 3166 alpha-2) names the register it covers and the words its pages use for it.
 */
public record Tenant(
    TenantSlug slug,
    Optional<TenantSlug> parent,
    String nameCs,
    String nameEn,
    Kind kind,
    Optional<String> region,
    Status status,
    String country) {

  public enum Kind {
    UNION,
    ASSOCIATION
  }

  public enum Status {
    ACTIVE,
    SUSPENDED
  }

  /** An active association. */
  public Tenant(
      TenantSlug slug,
      Optional<TenantSlug> parent,
      String nameCs,
      String nameEn,
      Kind kind,
      Optional<String> region) {
    this(slug, parent, nameCs, nameEn, kind, region, Status.ACTIVE, "CZ");
  }

  public Tenant {
    Objects.requireNonNull(slug, "Tenant slug is required.");
    Objects.requireNonNull(parent, "Parent is required (may be empty).");
    Objects.requireNonNull(nameCs, "Czech name is required.");
    Objects.requireNonNull(nameEn, "English name is required.");
    Objects.requireNonNull(kind, "Kind is required.");
    Objects.requireNonNull(region, "Region is required (empty: the whole country).");
    Objects.requireNonNull(status, "Status is required.");
    Objects.requireNonNull(country, "Country is required (its register and its terms).");
  }

  public boolean suspended() {
    return status == Status.SUSPENDED;
  }

  public String name(Locale locale) {
    return "en".equals(locale.getLanguage()) ? nameEn : nameCs;
  }

  public String id() {
    return slug.value();
  }
}
