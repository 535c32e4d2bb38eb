package eu.municipia.seminars.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One item of an event's programme: when, what, and who speaks. Part of its {@link Seminar}. */
@Entity
@Table(name = "seminar_programme_item")
public class ProgrammeItem extends TenantOwned {

  @Id private UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "seminar_id", nullable = false)
  private Seminar seminar;

  private int position;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at")
  private Instant endsAt;

  @Column(nullable = false)
  private String title;

  private String lecturer;

  protected ProgrammeItem() {}

  ProgrammeItem(Seminar seminar, int position, Seminar.Item item) {
    this.id = UUID.randomUUID();
    this.seminar = seminar;
    this.position = position;
    this.startsAt = item.startsAt();
    this.endsAt = item.endsAt();
    this.title = item.title();
    this.lecturer = item.lecturer();
  }

  public int position() {
    return position;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public String title() {
    return title;
  }

  public String lecturer() {
    return lecturer;
  }
}
