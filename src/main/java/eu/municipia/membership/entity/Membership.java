package eu.municipia.membership.entity;

import eu.municipia.identity.entity.Caller;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.entity.Dates;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A municipality's membership in this association. One per municipality and association; its status
 * changes (suspend, reinstate, end) are decided here and each leaves a {@link MembershipEvent}. An
 * ended membership stays, so the history of who was a member when is kept.
 */
@Entity
@Table(name = "membership")
@NamedQuery(
    name = Membership.BY_CODE,
    query = "SELECT m FROM Membership m WHERE m.country = :country AND m.code = :code")
@NamedQuery(
    name = Membership.BY_ORGANIZATION,
    query = "SELECT m FROM Membership m WHERE m.organizationId = :organization")
public class Membership extends TenantOwned {

  public static final String BY_CODE = "Membership.byCode";
  public static final String BY_ORGANIZATION = "Membership.byOrganization";

  @Id private UUID id;

  /** The municipality's country and code; both null for an organization's membership. */
  private String country;

  private String code;

  /** The member organization (IČO); null for a municipality's membership. */
  @Column(name = "organization_id")
  @org.eclipse.persistence.annotations.Converter(
      name = eu.municipia.platform.entity.NullableUuidConverter.NAME,
      converterClass = eu.municipia.platform.entity.NullableUuidConverter.class)
  @org.eclipse.persistence.annotations.Convert(
      eu.municipia.platform.entity.NullableUuidConverter.NAME)
  private UUID organizationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MembershipStatus status;

  private LocalDate since;

  private LocalDate until;

  protected Membership() {}

  private Membership(MunicipalityCode municipality, MembershipStatus status, LocalDate since) {
    Objects.requireNonNull(municipality, "municipality is required");
    this.id = UUID.randomUUID();
    this.country = municipality.country();
    this.code = municipality.code();
    this.status = status;
    this.since = Dates.requirePlausible("since", since);
  }

  private Membership(UUID organizationId, LocalDate since) {
    this.id = UUID.randomUUID();
    this.organizationId = Objects.requireNonNull(organizationId, "organization is required");
    this.status = MembershipStatus.ACTIVE;
    this.since =
        Dates.requirePlausible("since", Objects.requireNonNull(since, "since is required"));
  }

  /** An organization (a micro-region, a company) entered as an active member. */
  public static Membership activeOrganization(MemberOrganization organization, LocalDate since) {
    return new Membership(organization.id(), since);
  }

  /** An admin enters a member directly (e.g. one that joined before the platform existed). */
  public static Membership active(MunicipalityCode municipality, LocalDate since) {
    return new Membership(
        municipality, MembershipStatus.ACTIVE, Objects.requireNonNull(since, "since is required"));
  }

  /** The first event of a membership created by an admin. */
  public MembershipEvent entered(Caller actor, Instant now) {
    return event(null, status, since, null, actor, now);
  }

  public MembershipEvent suspend(String reason, Caller actor, Instant now) {
    require(status == MembershipStatus.ACTIVE, "suspended");
    return change(MembershipStatus.SUSPENDED, null, reason, actor, now);
  }

  public MembershipEvent reinstate(Caller actor, Instant now) {
    require(status == MembershipStatus.SUSPENDED, "reinstated");
    return change(MembershipStatus.ACTIVE, null, null, actor, now);
  }

  public MembershipEvent end(LocalDate until, String reason, Caller actor, Instant now) {
    Objects.requireNonNull(until, "until is required");
    Dates.requirePlausible("date", until);
    require(status == MembershipStatus.ACTIVE || status == MembershipStatus.SUSPENDED, "ended");
    if (since != null && until.isBefore(since)) {
      throw new MembershipDateException("A membership cannot end before it began (" + since + ").");
    }
    this.until = until;
    return change(MembershipStatus.LEFT, until, reason, actor, now);
  }

  /** A municipality that left joins again: the same membership, active from a new date. */
  public MembershipEvent rejoin(LocalDate since, Caller actor, Instant now) {
    require(status == MembershipStatus.LEFT, "rejoined");
    this.since =
        Dates.requirePlausible("since", Objects.requireNonNull(since, "since is required"));
    this.until = null;
    return change(MembershipStatus.ACTIVE, since, null, actor, now);
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    if (code != null) {
      state.put("municipality", country + "-" + code);
    } else {
      state.put("organization", organizationId.toString());
    }
    state.put("status", status.name());
    state.put("since", since == null ? null : since.toString());
    state.put("until", until == null ? null : until.toString());
    return state;
  }

  private MembershipEvent change(
      MembershipStatus to, LocalDate effective, String reason, Caller actor, Instant now) {
    MembershipStatus from = status;
    status = to;
    return event(from, to, effective, reason, actor, now);
  }

  private MembershipEvent event(
      MembershipStatus from,
      MembershipStatus to,
      LocalDate effective,
      String reason,
      Caller actor,
      Instant now) {
    return new MembershipEvent(
        id, now, from, to, effective, reason, actor.subject(), actor.displayName());
  }

  private void require(boolean allowed, String change) {
    if (!allowed) {
      throw new MembershipTransitionException(status, change);
    }
  }

  public UUID id() {
    return id;
  }

  /** The municipality that is the member; null where the member is an organization. */
  public MunicipalityCode municipality() {
    return code == null ? null : new MunicipalityCode(country, code);
  }

  public boolean isOrganization() {
    return organizationId != null;
  }

  public UUID organizationId() {
    return organizationId;
  }

  public MembershipStatus status() {
    return status;
  }

  public LocalDate since() {
    return since;
  }

  public LocalDate until() {
    return until;
  }
}
