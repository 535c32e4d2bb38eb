package eu.municipia.resolutions.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.resolutions.entity.AgendaItem;
import eu.municipia.resolutions.entity.Attendance;
import eu.municipia.resolutions.entity.ChangeKind;
import eu.municipia.resolutions.entity.Decision;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.resolutions.entity.Meeting;
import eu.municipia.resolutions.entity.Outcome;
import eu.municipia.resolutions.entity.QuorumBasis;
import eu.municipia.resolutions.entity.Resolution;
import eu.municipia.resolutions.entity.ResolutionForm;
import eu.municipia.resolutions.entity.Revision;
import eu.municipia.resolutions.entity.Seat;
import eu.municipia.resolutions.entity.Tally;
import eu.municipia.resolutions.entity.Task;
import eu.municipia.resolutions.entity.TaskForm;
import eu.municipia.resolutions.entity.VoteChoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The admin's use cases on resolutions: recording one after its vote (numbered, its outcome
 * computed), publishing it, correcting its text (a visible revision once published), its follow-up
 * tasks. Each is audited; the search table follows every change of a published resolution.
 */
@ApplicationScoped
@Transactional
public class Resolutions {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @Inject EntityManager em;
  @Inject Bodies bodies;
  @Inject Meetings meetings;
  @Inject ResolutionNumbers numbers;
  @Inject SearchIndex index;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public Resolution require(UUID id) {
    Resolution resolution = id == null ? null : em.find(Resolution.class, id);
    if (resolution == null) {
      throw Refusal.notFound("No resolution " + id + " here.");
    }
    return resolution;
  }

  public Optional<Resolution> byNumber(String number) {
    return em.createNamedQuery(Resolution.BY_NUMBER, Resolution.class)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }

  public List<Resolution> ofMeeting(UUID meetingId) {
    return em.createNamedQuery(Resolution.OF_MEETING, Resolution.class)
        .setParameter("meeting", meetingId)
        .getResultList();
  }

  /** The later resolutions that amend or annul this one, whatever their state. */
  public List<Resolution> changedBy(UUID id) {
    return em.createNamedQuery(Resolution.CHANGED_BY, Resolution.class)
        .setParameter("id", id)
        .getResultList();
  }

  /**
   * Records a resolution after its vote. Who was present is read from the meeting's attendance at
   * the moment of the vote; the body decides (refusing a vote without quorum); the number is taken
   * last, so that a refused vote uses none.
   */
  public Resolution record(ResolutionForm form, Caller admin) {
    form.requireValid();
    Meeting meeting = meetingOf(form);
    GoverningBody body = bodies.require(meeting.bodyId());
    if (form.agendaItemId() != null
        && meetings.agenda(meeting.id()).stream()
            .noneMatch(a -> a.id().equals(form.agendaItemId()))) {
      throw Refusal.invalid("agendaItemId", "resolution.error.agendaItem");
    }
    if (form.votedAt().isBefore(meeting.startsAt())) {
      throw Refusal.invalid("votedAt", "resolution.error.votedBeforeStart");
    }
    if (body.votesByName() != form.byName()) {
      throw Refusal.invalid(
          body.votesByName() ? "votes" : "votesFor",
          body.votesByName() ? "resolution.error.byNameNeeded" : "resolution.error.countsNeeded");
    }
    Set<UUID> present = new HashSet<>();
    Tally tally = tally(body, meeting, form, present);
    // No quorum is the first reason to give: then nothing else about the vote matters.
    Decision decision = body.decide(form.resolutionType(), tally);
    if (!present.containsAll(form.votesBySeat().keySet())) {
      throw Refusal.invalid("votes", "resolution.error.voterAbsent");
    }
    if (tally.votes() > tally.people()) {
      throw Refusal.invalid("votesFor", "resolution.error.tooManyVotes", tally.people());
    }
    Resolution changes = changed(form);
    int seq = numbers.next(body.id(), meeting.year());
    Resolution resolution =
        new Resolution(
            body, meeting, seq, form, tally, decision, changes, admin, Instant.now(clock));
    em.persist(resolution);
    form.votesBySeat()
        .forEach(
            (seat, choice) ->
                em.createNativeQuery(
                        "INSERT INTO resolution_vote (tenant_id, resolution_id, seat_id, choice)"
                            + " VALUES (current_setting('app.tenant_id'), CAST(?1 AS uuid),"
                            + " CAST(?2 AS uuid), ?3)")
                    .setHint(NATIVE, true)
                    .setParameter(1, resolution.id().toString())
                    .setParameter(2, seat.toString())
                    .setParameter(3, choice.name())
                    .executeUpdate());
    audit.record(
        admin,
        "resolution.recorded",
        "resolution",
        resolution.id().toString(),
        null,
        resolution.auditState());
    return resolution;
  }

  private Meeting meetingOf(ResolutionForm form) {
    try {
      return meetings.require(form.meetingId());
    } catch (Refusal notFound) {
      throw Refusal.invalid("meetingId", "resolution.error.meeting");
    }
  }

  private Resolution changed(ResolutionForm form) {
    if (form.changesId() == null) {
      return null;
    }
    Resolution earlier = em.find(Resolution.class, form.changesId());
    if (earlier == null || !earlier.isPublished()) {
      throw Refusal.invalid("changesId", "resolution.error.changes");
    }
    if (annulledBy(earlier.id()).isPresent()) {
      throw Refusal.invalid("changesId", "resolution.error.annulled");
    }
    return earlier;
  }

  /** The published, adopted resolution that annulled this one, if any. */
  public Optional<Resolution> annulledBy(UUID id) {
    return changedBy(id).stream()
        .filter(r -> r.isPublished() && r.changesInForce() && r.changeKind() == ChangeKind.ANNULS)
        .findFirst();
  }

  /**
   * The figures of the vote: the body's basis on the meeting's day, who was present at the moment
   * of the vote (a stay that began by then and had not ended; their seats are added to {@code
   * present}), and the votes, which only those present can have cast (checked by the caller).
   */
  Tally tally(GoverningBody body, Meeting meeting, ResolutionForm form, Set<UUID> present) {
    LocalDate day = meeting.startsAt().toLocalDate();
    List<Seat> seats = bodies.seatsOn(body.id(), day);
    Map<UUID, Seat> seated = seats.stream().collect(Collectors.toMap(Seat::id, s -> s));
    LocalDateTime moment = form.votedAt();
    for (Attendance stay : meetings.attendance(meeting.id())) {
      if (stay.presentAt(moment) && seated.containsKey(stay.seatId())) {
        present.add(stay.seatId());
      }
    }
    int basis;
    int presentBasis;
    if (body.quorumBasis() == QuorumBasis.MEMBER_MUNICIPALITIES) {
      basis = memberMunicipalities(day);
      presentBasis =
          (int)
              present.stream()
                  .map(seated::get)
                  .map(Seat::municipalityCode)
                  .filter(code -> code != null)
                  .distinct()
                  .count();
    } else {
      basis = seats.size();
      presentBasis = present.size();
    }
    int votesFor;
    int against;
    int abstained;
    if (form.byName()) {
      Map<UUID, VoteChoice> votes = form.votesBySeat();
      votesFor = count(votes, VoteChoice.FOR);
      against = count(votes, VoteChoice.AGAINST);
      abstained = count(votes, VoteChoice.ABSTAIN);
    } else {
      votesFor = form.votesFor();
      against = form.votesAgainst();
      abstained = form.abstained();
    }
    return new Tally(basis, presentBasis, present.size(), votesFor, against, abstained);
  }

  private static int count(Map<UUID, VoteChoice> votes, VoteChoice choice) {
    return (int) votes.values().stream().filter(choice::equals).count();
  }

  /** Member municipalities of the association on a day (suspended ones have no vote). */
  private int memberMunicipalities(LocalDate day) {
    Object count =
        em.createNativeQuery(
                "SELECT count(*) FROM membership WHERE country IS NOT NULL"
                    + " AND (status = 'ACTIVE' OR (status = 'LEFT' AND until >= ?1))"
                    + " AND (since IS NULL OR since <= ?2)")
            .setHint(NATIVE, true)
            .setParameter(1, Date.valueOf(day))
            .setParameter(2, Date.valueOf(day))
            .getSingleResult();
    return ((Number) count).intValue();
  }

  /** The votes by name of a resolution: seat to choice. */
  public Map<UUID, VoteChoice> votes(UUID resolutionId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT CAST(seat_id AS text), choice FROM resolution_vote WHERE resolution_id = CAST(?1 AS uuid)")
            .setHint(NATIVE, true)
            .setParameter(1, resolutionId.toString())
            .getResultList();
    Map<UUID, VoteChoice> votes = new java.util.LinkedHashMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      votes.put(UUID.fromString((String) r[0]), VoteChoice.valueOf((String) r[1]));
    }
    return votes;
  }

  public Resolution publish(UUID id, Caller admin) {
    Resolution resolution = require(id);
    Map<String, Object> before = resolution.auditState();
    resolution.publish(Instant.now(clock));
    index.update(resolution);
    if (resolution.changesId() != null) {
      // The earlier resolution now reads "amended/annulled by": its search row may say so.
      index.update(require(resolution.changesId()));
    }
    audit.record(
        admin,
        "resolution.published",
        "resolution",
        id.toString(),
        before,
        resolution.auditState());
    return resolution;
  }

  /** Changes the text: freely before publication, as a dated revision with a reason after it. */
  public Optional<Revision> changeText(
      UUID id, String title, String text, String reason, Caller admin) {
    Resolution resolution = require(id);
    Map<String, Object> before = resolution.auditState();
    Optional<Revision> revision =
        resolution.changeText(title, text, reason, admin, Instant.now(clock));
    revision.ifPresent(em::persist);
    if (resolution.isPublished()) {
      index.update(resolution);
    }
    Map<String, Object> after = resolution.auditState();
    revision.ifPresent(r -> after.put("reason", r.reason()));
    audit.record(
        admin,
        revision.isPresent() ? "resolution.revised" : "resolution.changed",
        "resolution",
        id.toString(),
        before,
        after);
    return revision;
  }

  public List<Revision> revisions(UUID id) {
    return em.createNamedQuery(Revision.OF_RESOLUTION, Revision.class)
        .setParameter("resolution", id)
        .getResultList();
  }

  public List<Task> tasks(UUID resolutionId) {
    return em.createNamedQuery(Task.OF_RESOLUTION, Task.class)
        .setParameter("resolution", resolutionId)
        .getResultList();
  }

  public Task addTask(UUID resolutionId, TaskForm form, Caller admin) {
    Resolution resolution = require(resolutionId);
    if (resolution.outcome() != Outcome.ADOPTED) {
      throw Refusal.conflict(
          "A rejected resolution has no tasks to follow up.", "what", "task.error.rejected");
    }
    Task task = new Task(resolution.id(), form, Instant.now(clock));
    em.persist(task);
    em.flush();
    reindex(resolution);
    audit.record(
        admin,
        "resolution.task.added",
        "resolution_task",
        task.id().toString(),
        null,
        task.auditState());
    return task;
  }

  public Task changeTask(UUID resolutionId, UUID taskId, TaskForm form, Caller admin) {
    Resolution resolution = require(resolutionId);
    Task task = taskId == null ? null : em.find(Task.class, taskId);
    if (task == null || !task.resolutionId().equals(resolutionId)) {
      throw Refusal.notFound("No task " + taskId + " of this resolution.");
    }
    Map<String, Object> before = task.auditState();
    task.change(form, Instant.now(clock));
    em.flush();
    reindex(resolution);
    audit.record(
        admin,
        "resolution.task.changed",
        "resolution_task",
        taskId.toString(),
        before,
        task.auditState());
    return task;
  }

  private void reindex(Resolution resolution) {
    if (resolution.isPublished()) {
      index.update(resolution);
    }
  }

  public List<AgendaItem> agendaOf(UUID meetingId) {
    return meetings.agenda(meetingId);
  }
}
