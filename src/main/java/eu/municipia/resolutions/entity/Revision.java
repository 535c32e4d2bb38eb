package eu.municipia.resolutions.entity;

import eu.municipia.identity.entity.Caller;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A correction of a published resolution: when, by whom, why, and the text before and after. */
@Entity
@Table(name = "resolution_revision")
@NamedQuery(
    name = Revision.OF_RESOLUTION,
    query = "SELECT r FROM Revision r WHERE r.resolutionId = :resolution ORDER BY r.revisedAt")
public class Revision extends TenantOwned {

  public static final String OF_RESOLUTION = "Revision.ofResolution";

  @Id private UUID id;

  @Column(name = "resolution_id", nullable = false)
  private UUID resolutionId;

  @Column(name = "revised_at", nullable = false)
  private Instant revisedAt;

  @Column(name = "revised_by_name")
  private String revisedByName;

  @Column(nullable = false)
  private String reason;

  @Column(name = "title_before", nullable = false)
  private String titleBefore;

  @Column(name = "text_before", nullable = false)
  private String textBefore;

  @Column(name = "title_after", nullable = false)
  private String titleAfter;

  @Column(name = "text_after", nullable = false)
  private String textAfter;

  protected Revision() {}

  Revision(
      UUID resolutionId,
      String titleBefore,
      String textBefore,
      String titleAfter,
      String textAfter,
      String reason,
      Caller actor,
      Instant now) {
    this.id = UUID.randomUUID();
    this.resolutionId = Objects.requireNonNull(resolutionId);
    this.titleBefore = titleBefore;
    this.textBefore = textBefore;
    this.titleAfter = titleAfter;
    this.textAfter = textAfter;
    this.reason = reason.trim();
    this.revisedByName = actor.displayName();
    this.revisedAt = Objects.requireNonNull(now, "now is required");
  }

  public UUID id() {
    return id;
  }

  public UUID resolutionId() {
    return resolutionId;
  }

  public Instant revisedAt() {
    return revisedAt;
  }

  public String revisedByName() {
    return revisedByName;
  }

  public String reason() {
    return reason;
  }

  public String titleBefore() {
    return titleBefore;
  }

  public String textBefore() {
    return textBefore;
  }

  public String titleAfter() {
    return titleAfter;
  }

  public String textAfter() {
    return textAfter;
  }
}
