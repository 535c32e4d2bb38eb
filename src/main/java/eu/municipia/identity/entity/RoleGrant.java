package eu.municipia.identity.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One role held by one person in this association, granted by an association admin. */
@Entity
@Table(name = "role_grant")
@NamedQuery(
    name = RoleGrant.ROLES_OF,
    query = "SELECT g.role FROM RoleGrant g WHERE g.issuer = :issuer AND g.subject = :subject")
@NamedQuery(
    name = RoleGrant.FIND,
    query =
        "SELECT g FROM RoleGrant g WHERE g.issuer = :issuer AND g.subject = :subject"
            + " AND g.role = :role")
@NamedQuery(name = RoleGrant.ALL, query = "SELECT g FROM RoleGrant g ORDER BY g.grantedAt, g.id")
public class RoleGrant extends TenantOwned {

  public static final String ROLES_OF = "RoleGrant.rolesOf";
  public static final String FIND = "RoleGrant.find";
  public static final String ALL = "RoleGrant.all";

  @Id private UUID id;

  @Column(nullable = false)
  private String issuer;

  @Column(nullable = false)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "granted_by", nullable = false)
  private String grantedBy;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  protected RoleGrant() {}

  public RoleGrant(Person grantee, Role role, Caller grantor, Instant now) {
    Objects.requireNonNull(grantee, "grantee is required");
    this.id = UUID.randomUUID();
    this.issuer = grantee.issuer();
    this.subject = grantee.subject();
    this.role = Objects.requireNonNull(role, "role is required");
    this.grantedBy = Objects.requireNonNull(grantor, "grantor is required").subject();
    this.grantedAt = Objects.requireNonNull(now);
  }

  /** What the audit log keeps of this grant. */
  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("issuer", issuer);
    state.put("subject", subject);
    state.put("role", role.roleName());
    state.put("grantedBy", grantedBy);
    state.put("grantedAt", grantedAt.toString());
    return state;
  }

  public UUID id() {
    return id;
  }

  public String issuer() {
    return issuer;
  }

  public String subject() {
    return subject;
  }

  public Role role() {
    return role;
  }

  public Instant grantedAt() {
    return grantedAt;
  }
}
