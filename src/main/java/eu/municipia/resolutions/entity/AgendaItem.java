package eu.municipia.resolutions.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/** An item of a meeting's agenda, numbered in order. */
@Entity
@Table(name = "agenda_item")
@NamedQuery(
    name = AgendaItem.OF_MEETING,
    query = "SELECT a FROM AgendaItem a WHERE a.meetingId = :meeting ORDER BY a.position")
public class AgendaItem extends TenantOwned {

  public static final String OF_MEETING = "AgendaItem.ofMeeting";
  public static final int TITLE_LENGTH = 500;

  @Id private UUID id;

  @Column(name = "meeting_id", nullable = false)
  private UUID meetingId;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String title;

  protected AgendaItem() {}

  public AgendaItem(UUID meetingId, int position, String title) {
    if (title == null || title.isBlank() || title.trim().length() > TITLE_LENGTH) {
      throw new eu.municipia.platform.entity.Refusal(
          eu.municipia.platform.entity.Refusal.Kind.INVALID,
          "An agenda item has a title of at most " + TITLE_LENGTH + " characters.",
          java.util.Map.of("title", "agenda.error.title"));
    }
    this.id = UUID.randomUUID();
    this.meetingId = Objects.requireNonNull(meetingId, "meeting is required");
    this.position = position;
    this.title = title.trim();
  }

  public UUID id() {
    return id;
  }

  public UUID meetingId() {
    return meetingId;
  }

  public int position() {
    return position;
  }

  public String title() {
    return title;
  }
}
