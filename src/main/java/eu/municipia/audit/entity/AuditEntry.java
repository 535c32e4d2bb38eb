package eu.municipia.audit.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change to an association's data: who, when, what, and the state before and after (JSON).
 * Append-only: the application role may insert and read these rows, never change or delete them.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = AuditEntry.LATEST, query = "SELECT a FROM AuditEntry a ORDER BY a.at DESC, a.id")
@NamedQuery(name = AuditEntry.COUNT, query = "SELECT COUNT(a) FROM AuditEntry a")
public class AuditEntry extends TenantOwned {

  public static final String LATEST = "AuditEntry.latest";
  public static final String COUNT = "AuditEntry.count";

  @Id private UUID id;

  @Column(nullable = false)
  private Instant at;

  @Column(name = "actor_subject", nullable = false)
  private String actorSubject;

  @Column(name = "actor_name")
  private String actorName;

  @Column(nullable = false)
  private String action;

  @Column(name = "target_type", nullable = false)
  private String targetType;

  @Column(name = "target_id", nullable = false)
  private String targetId;

  @Column(name = "before_state")
  private String before;

  @Column(name = "after_state")
  private String after;

  protected AuditEntry() {}

  public AuditEntry(
      Instant at,
      String actorSubject,
      String actorName,
      String action,
      String targetType,
      String targetId,
      String before,
      String after) {
    this.id = UUID.randomUUID();
    this.at = Objects.requireNonNull(at);
    this.actorSubject = Objects.requireNonNull(actorSubject, "actor is required");
    this.actorName = actorName;
    this.action = Objects.requireNonNull(action, "action is required");
    this.targetType = Objects.requireNonNull(targetType);
    this.targetId = Objects.requireNonNull(targetId);
    this.before = before;
    this.after = after;
  }

  public UUID getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActorSubject() {
    return actorSubject;
  }

  public String getActorName() {
    return actorName;
  }

  public String getAction() {
    return action;
  }

  public String getTargetType() {
    return targetType;
  }

  public String getTargetId() {
    return targetId;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }
}
