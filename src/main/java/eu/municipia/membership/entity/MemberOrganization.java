package eu.municipia.membership.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/** A member that is not a municipality (a micro-region, a company): known by IČO, no population. */
@Entity
@Table(name = "member_organization")
@NamedQuery(
    name = MemberOrganization.BY_ICO,
    query = "SELECT o FROM MemberOrganization o WHERE o.ico = :ico")
public class MemberOrganization extends TenantOwned {

  public static final String BY_ICO = "MemberOrganization.byIco";

  @Id private UUID id;

  @Column(nullable = false)
  private String ico;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OrganizationKind kind;

  protected MemberOrganization() {}

  public MemberOrganization(Ico ico, String name, OrganizationKind kind) {
    this.id = UUID.randomUUID();
    this.ico = Objects.requireNonNull(ico, "IČO is required").value();
    describe(name, kind);
  }

  /** The organization's current name and kind (an organization may be renamed). */
  public void describe(String name, OrganizationKind kind) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    this.name = name.trim();
    this.kind = Objects.requireNonNull(kind, "kind is required");
  }

  public UUID id() {
    return id;
  }

  public Ico ico() {
    return new Ico(ico);
  }

  public String name() {
    return name;
  }

  public OrganizationKind kind() {
    return kind;
  }
}
