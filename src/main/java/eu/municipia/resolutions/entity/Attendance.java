package eu.municipia.resolutions.entity;

import eu.municipia.platform.entity.Dates;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One stay of a seat holder at a meeting, from arrival to departure (open while they are there).
 * Someone who leaves and comes back has two. Who was present at a vote follows from these.
 */
@Entity
@Table(name = "attendance")
@NamedQuery(
    name = Attendance.OF_MEETING,
    query = "SELECT a FROM Attendance a WHERE a.meetingId = :meeting ORDER BY a.arrivedAt")
public class Attendance extends TenantOwned {

  public static final String OF_MEETING = "Attendance.ofMeeting";

  @Id private UUID id;

  @Column(name = "meeting_id", nullable = false)
  private UUID meetingId;

  @Column(name = "seat_id", nullable = false)
  private UUID seatId;

  @Column(name = "arrived_at", nullable = false)
  private LocalDateTime arrivedAt;

  @Column(name = "left_at")
  private LocalDateTime leftAt;

  protected Attendance() {}

  public Attendance(UUID meetingId, UUID seatId, LocalDateTime arrivedAt, LocalDateTime leftAt) {
    this.id = UUID.randomUUID();
    this.meetingId = Objects.requireNonNull(meetingId, "meeting is required");
    this.seatId = Objects.requireNonNull(seatId, "seat is required");
    if (arrivedAt == null) {
      throw Refusal.invalid("arrivedAt", "attendance.error.arrivedAt");
    }
    this.arrivedAt = arrivedAt;
    Dates.requirePlausible("arrivedAt", arrivedAt.toLocalDate());
    leave(leftAt);
  }

  /** Records the departure (null: still there). */
  public void leave(LocalDateTime at) {
    if (at != null) {
      Dates.requirePlausible("leftAt", at.toLocalDate());
    }
    if (at != null && !at.isAfter(arrivedAt)) {
      throw Refusal.invalid("leftAt", "attendance.error.leftAt");
    }
    this.leftAt = at;
  }

  /** Whether the person was in the room at that moment (arrived by then, not yet gone). */
  public boolean presentAt(LocalDateTime moment) {
    return !arrivedAt.isAfter(moment) && (leftAt == null || leftAt.isAfter(moment));
  }

  /** Whether two stays of one person overlap (which cannot be). */
  public boolean overlaps(LocalDateTime from, LocalDateTime to) {
    boolean startsBeforeOtherEnds = to == null || arrivedAt.isBefore(to);
    boolean endsAfterOtherStarts = leftAt == null || leftAt.isAfter(from);
    return startsBeforeOtherEnds && endsAfterOtherStarts;
  }

  public UUID id() {
    return id;
  }

  public UUID meetingId() {
    return meetingId;
  }

  public UUID seatId() {
    return seatId;
  }

  public LocalDateTime arrivedAt() {
    return arrivedAt;
  }

  public LocalDateTime leftAt() {
    return leftAt;
  }
}
