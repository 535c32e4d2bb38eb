package eu.municipia.resolutions.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A meeting of a body: its number, when it starts (local time), where or online. */
@Entity
@Table(name = "meeting")
@NamedQuery(
    name = Meeting.OF_BODY,
    query = "SELECT m FROM Meeting m WHERE m.bodyId = :body ORDER BY m.startsAt DESC")
@NamedQuery(name = Meeting.ALL, query = "SELECT m FROM Meeting m ORDER BY m.startsAt DESC")
public class Meeting extends TenantOwned {

  public static final String OF_BODY = "Meeting.ofBody";
  public static final String ALL = "Meeting.all";

  @Id private UUID id;

  @Column(name = "body_id", nullable = false)
  private UUID bodyId;

  @Column(nullable = false)
  private int number;

  @Column(name = "starts_at", nullable = false)
  private LocalDateTime startsAt;

  private String place;

  @Column(name = "online_url")
  private String onlineUrl;

  @Column(name = "invited_at")
  private Instant invitedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Meeting() {}

  public Meeting(UUID bodyId, MeetingForm form, Instant now) {
    this.id = UUID.randomUUID();
    this.bodyId = Objects.requireNonNull(bodyId, "body is required");
    this.createdAt = Objects.requireNonNull(now, "now is required");
    change(form);
  }

  public void change(MeetingForm form) {
    form.requireValid();
    this.number = form.number();
    this.startsAt = form.startsAt();
    this.place = SeatForm.trimmed(form.place());
    this.onlineUrl = SeatForm.trimmed(form.onlineUrl());
  }

  /** The year the resolutions of this meeting are numbered in. */
  public int year() {
    return startsAt.getYear();
  }

  public void invited(Instant now) {
    this.invitedAt = now;
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("body", bodyId.toString());
    state.put("number", number);
    state.put("startsAt", startsAt.toString());
    state.put("place", place);
    state.put("onlineUrl", onlineUrl);
    return state;
  }

  public UUID id() {
    return id;
  }

  public UUID bodyId() {
    return bodyId;
  }

  public int number() {
    return number;
  }

  public LocalDateTime startsAt() {
    return startsAt;
  }

  public String place() {
    return place;
  }

  public String onlineUrl() {
    return onlineUrl;
  }

  public Instant invitedAt() {
    return invitedAt;
  }
}
