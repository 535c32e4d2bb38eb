package eu.municipia.resolutions.entity;

import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A resolution of a body, numbered when recorded. Its outcome is computed from the vote (see {@link
 * GoverningBody#decide}) and kept with the figures it came from. Until published only the admins
 * see it and may change its text freely; once published, its text changes only by a {@link
 * Revision}: dated, with a reason, shown to its readers.
 *
 * <p>Its nullable uuid columns use the {@code nullable-uuid} converter that {@code Membership}
 * defines (EclipseLink's named converters serve the whole persistence unit).
 */
@Entity
@Table(name = "resolution")
@NamedQuery(
    name = Resolution.OF_MEETING,
    query = "SELECT r FROM Resolution r WHERE r.meetingId = :meeting ORDER BY r.year, r.seq")
@NamedQuery(name = Resolution.BY_NUMBER, query = "SELECT r FROM Resolution r WHERE r.number = :n")
@NamedQuery(
    name = Resolution.CHANGED_BY,
    query = "SELECT r FROM Resolution r WHERE r.changesId = :id ORDER BY r.votedAt")
public class Resolution extends TenantOwned {

  public static final String OF_MEETING = "Resolution.ofMeeting";
  public static final String BY_NUMBER = "Resolution.byNumber";
  public static final String CHANGED_BY = "Resolution.changedBy";
  public static final int REASON_LENGTH = 1000;

  @Id private UUID id;

  @Column(name = "body_id", nullable = false)
  private UUID bodyId;

  @Column(name = "meeting_id", nullable = false)
  private UUID meetingId;

  @Column(name = "agenda_item_id")
  @org.eclipse.persistence.annotations.Convert(
      eu.municipia.platform.entity.NullableUuidConverter.NAME)
  private UUID agendaItemId;

  @Column(nullable = false)
  private int year;

  @Column(nullable = false)
  private int seq;

  @Column(nullable = false)
  private String number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ResolutionType type;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String text;

  @Column(name = "voted_at", nullable = false)
  private LocalDateTime votedAt;

  @Column(name = "votes_for", nullable = false)
  private int votesFor;

  @Column(name = "votes_against", nullable = false)
  private int votesAgainst;

  @Column(nullable = false)
  private int abstained;

  @Column(nullable = false)
  private int present;

  @Column(nullable = false)
  private int basis;

  @Column(nullable = false)
  private int quorum;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Majority majority;

  @Column(nullable = false)
  private int needed;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Outcome outcome;

  @Column(name = "by_name", nullable = false)
  private boolean byName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Visibility visibility;

  @Column(name = "changes_id")
  @org.eclipse.persistence.annotations.Convert(
      eu.municipia.platform.entity.NullableUuidConverter.NAME)
  private UUID changesId;

  @Enumerated(EnumType.STRING)
  @Column(name = "change_kind")
  private ChangeKind changeKind;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by_name")
  private String createdByName;

  protected Resolution() {}

  /**
   * A resolution recorded with its number and the decision of its vote.
   *
   * @param changes the earlier resolution it amends or annuls (published, of this association)
   */
  public Resolution(
      GoverningBody body,
      Meeting meeting,
      int seq,
      ResolutionForm form,
      Tally tally,
      Decision decision,
      Resolution changes,
      Caller actor,
      Instant now) {
    form.requireValid();
    if (!meeting.bodyId().equals(body.id())) {
      throw new IllegalArgumentException("The meeting is not the body's.");
    }
    this.id = UUID.randomUUID();
    this.bodyId = body.id();
    this.meetingId = meeting.id();
    this.agendaItemId = form.agendaItemId();
    this.year = meeting.year();
    this.seq = seq;
    this.number = body.numberOf(year, seq);
    this.type = form.resolutionType();
    this.title = form.title().trim();
    this.text = form.text().trim();
    this.votedAt = form.votedAt();
    this.votesFor = tally.votesFor();
    this.votesAgainst = tally.votesAgainst();
    this.abstained = tally.abstained();
    this.present = tally.present();
    this.basis = tally.basis();
    this.quorum = decision.quorum();
    this.majority = decision.majority();
    this.needed = decision.needed();
    this.outcome = decision.outcome();
    this.byName = form.byName();
    this.visibility = form.readers();
    if (changes != null) {
      if (!changes.isPublished() || !changes.votedAt.isBefore(votedAt)) {
        throw Refusal.invalid("changesId", "resolution.error.changesLater");
      }
      this.changesId = changes.id;
      this.changeKind = form.change();
    }
    this.createdAt = Objects.requireNonNull(now, "now is required");
    this.createdByName = actor.displayName();
  }

  /** Makes it readable by its readers; from now on its text changes only by revisions. */
  public void publish(Instant now) {
    if (publishedAt != null) {
      throw Refusal.conflict(
          "The resolution " + number + " is published already.",
          "publishedAt",
          "resolution.error.published");
    }
    this.publishedAt = Objects.requireNonNull(now, "now is required");
  }

  /**
   * Changes the title and text. Before publication simply (nothing is returned); after it, only
   * with a reason, as a revision that its readers see with its date.
   */
  public Optional<Revision> changeText(
      String newTitle, String newText, String reason, Caller actor, Instant now) {
    Map<String, String> errors = new LinkedHashMap<>(ResolutionForm.textErrors(newTitle, newText));
    boolean published = isPublished();
    if (published
        && (reason == null || reason.isBlank() || reason.trim().length() > REASON_LENGTH)) {
      errors.put("reason", "resolution.error.reason");
    }
    if (!errors.isEmpty()) {
      throw Refusal.invalid(errors);
    }
    if (newTitle.trim().equals(title) && newText.trim().equals(text)) {
      throw Refusal.invalid("text", "resolution.error.unchanged");
    }
    Revision revision =
        published
            ? new Revision(id, title, text, newTitle.trim(), newText.trim(), reason, actor, now)
            : null;
    this.title = newTitle.trim();
    this.text = newText.trim();
    return Optional.ofNullable(revision);
  }

  /** Whether a reader who is (or is not) a member of the association may read it. */
  public boolean readableBy(boolean member) {
    return isPublished() && visibility.readableBy(member);
  }

  public boolean isPublished() {
    return publishedAt != null;
  }

  /** Whether it changes an earlier resolution now: only an adopted resolution changes anything. */
  public boolean changesInForce() {
    return changesId != null && outcome == Outcome.ADOPTED;
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("number", number);
    state.put("type", type.name());
    state.put("title", title);
    state.put("text", text);
    state.put("votedAt", votedAt.toString());
    state.put("votes", votesFor + "/" + votesAgainst + "/" + abstained);
    state.put("present", present);
    state.put("basis", basis);
    state.put("majority", majority.name());
    state.put("outcome", outcome.name());
    state.put("visibility", visibility.name());
    state.put("changes", changesId == null ? null : changeKind + " " + changesId);
    state.put("published", publishedAt != null);
    return state;
  }

  public UUID id() {
    return id;
  }

  public UUID bodyId() {
    return bodyId;
  }

  public UUID meetingId() {
    return meetingId;
  }

  public UUID agendaItemId() {
    return agendaItemId;
  }

  public int year() {
    return year;
  }

  public int seq() {
    return seq;
  }

  public String number() {
    return number;
  }

  public ResolutionType type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String text() {
    return text;
  }

  public LocalDateTime votedAt() {
    return votedAt;
  }

  public int votesFor() {
    return votesFor;
  }

  public int votesAgainst() {
    return votesAgainst;
  }

  public int abstained() {
    return abstained;
  }

  public int present() {
    return present;
  }

  public int basis() {
    return basis;
  }

  public int quorum() {
    return quorum;
  }

  public Majority majority() {
    return majority;
  }

  public int needed() {
    return needed;
  }

  public Outcome outcome() {
    return outcome;
  }

  public boolean byName() {
    return byName;
  }

  public Visibility visibility() {
    return visibility;
  }

  public UUID changesId() {
    return changesId;
  }

  public ChangeKind changeKind() {
    return changeKind;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
