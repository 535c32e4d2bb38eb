package eu.municipia.resolutions.entity;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A follow-up task of a resolution. Its state is public with the resolution. */
@Entity
@Table(name = "resolution_task")
@NamedQuery(
    name = Task.OF_RESOLUTION,
    query = "SELECT t FROM Task t WHERE t.resolutionId = :resolution ORDER BY t.createdAt")
public class Task extends TenantOwned {

  public static final String OF_RESOLUTION = "Task.ofResolution";

  public enum State {
    OPEN,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    public boolean finished() {
      return this == DONE || this == CANCELLED;
    }
  }

  @Id private UUID id;

  @Column(name = "resolution_id", nullable = false)
  private UUID resolutionId;

  @Column(nullable = false)
  private String what;

  @Column(nullable = false)
  private String who;

  @Column(name = "due_on")
  private LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  private String progress;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Task() {}

  public Task(UUID resolutionId, TaskForm form, Instant now) {
    this.id = UUID.randomUUID();
    this.resolutionId = Objects.requireNonNull(resolutionId, "resolution is required");
    this.createdAt = Objects.requireNonNull(now, "now is required");
    change(form, now);
  }

  public void change(TaskForm form, Instant now) {
    form.requireValid();
    this.what = form.what().trim();
    this.who = form.who().trim();
    this.dueOn = form.dueOn();
    this.state = form.taskState();
    this.progress = SeatForm.trimmed(form.progress());
    this.updatedAt = now;
  }

  /** Whether it is unfinished past its due day. */
  public boolean overdueOn(LocalDate today) {
    return !state.finished() && dueOn != null && dueOn.isBefore(today);
  }

  /**
   * The state of a resolution's tasks as one word for the register's filter: NONE (no tasks), OPEN
   * (some unfinished), DONE (all finished). Overdue is OPEN with an earlier {@link #nextDue}.
   */
  public static String summary(List<Task> tasks) {
    if (tasks.isEmpty()) {
      return "NONE";
    }
    return tasks.stream().allMatch(t -> t.state.finished()) ? "DONE" : "OPEN";
  }

  /** The earliest due day of the unfinished tasks, if any has one. */
  public static LocalDate nextDue(List<Task> tasks) {
    return tasks.stream()
        .filter(t -> !t.state.finished() && t.dueOn != null)
        .map(t -> t.dueOn)
        .min(LocalDate::compareTo)
        .orElse(null);
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("resolution", resolutionId.toString());
    state.put("what", what);
    state.put("who", who);
    state.put("dueOn", dueOn == null ? null : dueOn.toString());
    state.put("state", this.state.name());
    state.put("progress", progress);
    return state;
  }

  public UUID id() {
    return id;
  }

  public UUID resolutionId() {
    return resolutionId;
  }

  public String what() {
    return what;
  }

  public String who() {
    return who;
  }

  public LocalDate dueOn() {
    return dueOn;
  }

  public State state() {
    return state;
  }

  public String progress() {
    return progress;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
