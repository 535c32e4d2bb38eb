package eu.municipia.membership.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One change of a membership's status: the history that stays when people come and go. */
@Entity
@Table(name = "membership_event")
@NamedQuery(
    name = MembershipEvent.OF_MEMBERSHIP,
    query =
        "SELECT e FROM MembershipEvent e WHERE e.membershipId = :membership"
            + " ORDER BY e.at, e.id")
public class MembershipEvent extends TenantOwned {

  public static final String OF_MEMBERSHIP = "MembershipEvent.ofMembership";

  @Id private UUID id;

  @Column(name = "membership_id", nullable = false)
  private UUID membershipId;

  @Column(nullable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  @Column(name = "status_from")
  private MembershipStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "status_to", nullable = false)
  private MembershipStatus to;

  private LocalDate effective;

  private String reason;

  @Column(name = "actor_subject", nullable = false)
  private String actorSubject;

  @Column(name = "actor_name")
  private String actorName;

  protected MembershipEvent() {}

  MembershipEvent(
      UUID membershipId,
      Instant at,
      MembershipStatus from,
      MembershipStatus to,
      LocalDate effective,
      String reason,
      String actorSubject,
      String actorName) {
    this.id = UUID.randomUUID();
    this.membershipId = membershipId;
    this.at = at;
    this.from = from;
    this.to = to;
    this.effective = effective;
    this.reason = reason;
    this.actorSubject = actorSubject;
    this.actorName = actorName;
  }

  public Instant getAt() {
    return at;
  }

  public MembershipStatus getFrom() {
    return from;
  }

  public MembershipStatus getTo() {
    return to;
  }

  public LocalDate getEffective() {
    return effective;
  }

  public String getReason() {
    return reason;
  }

  public String getActorName() {
    return actorName;
  }
}
