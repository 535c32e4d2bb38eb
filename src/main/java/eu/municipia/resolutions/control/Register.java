package eu.municipia.resolutions.control;

import eu.municipia.platform.control.CzechText;
import eu.municipia.platform.entity.Page;
import eu.municipia.resolutions.entity.AgendaItem;
import eu.municipia.resolutions.entity.ChangeKind;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.resolutions.entity.Majority;
import eu.municipia.resolutions.entity.Meeting;
import eu.municipia.resolutions.entity.Outcome;
import eu.municipia.resolutions.entity.QuorumBasis;
import eu.municipia.resolutions.entity.Resolution;
import eu.municipia.resolutions.entity.ResolutionType;
import eu.municipia.resolutions.entity.Revision;
import eu.municipia.resolutions.entity.Seat;
import eu.municipia.resolutions.entity.Task;
import eu.municipia.resolutions.entity.Visibility;
import eu.municipia.resolutions.entity.VoteChoice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The register as its readers see it: the public, or the association's members (who see the
 * members-only resolutions and files too). Every read of published resolutions for readers goes
 * through here, so that what a reader may not see is left out of pages, the API, the PDF, the CSV,
 * the search and its counts alike. Drafts (not yet published) are never here.
 */
@ApplicationScoped
@Transactional
public class Register {

  /** The association's local time: "overdue" and "today" are decided there. */
  public static final ZoneId LOCAL_TIME = ZoneId.of("Europe/Prague");

  private static final int SNIPPET = 280;

  @Inject EntityManager em;
  @Inject SearchIndex index;
  @Inject Bodies bodies;
  @Inject Meetings meetings;
  @Inject Resolutions resolutions;
  @Inject Clock clock;

  /** A resolution that another amends or annuls (or is amended or annulled by). */
  public record Link(UUID id, String number, String title, ChangeKind kind, Outcome outcome)
      implements Serializable {}

  /** One resolution in a list: its marked title and a marked part of its text. */
  public record Summary(
      UUID id,
      String number,
      String title,
      List<CzechText.Fragment> titleMarked,
      List<CzechText.Fragment> snippet,
      UUID bodyId,
      String bodyCs,
      String bodyEn,
      UUID meetingId,
      int meetingNumber,
      LocalDateTime votedAt,
      ResolutionType type,
      Outcome outcome,
      Visibility visibility,
      String tasks,
      boolean overdue,
      boolean annulled)
      implements Serializable {}

  public record Result(Page<Summary> page, boolean approximate) implements Serializable {}

  public record VoteView(String name, String municipalityCode, VoteChoice choice)
      implements Serializable {}

  public record TaskView(
      UUID id,
      String what,
      String who,
      LocalDate dueOn,
      Task.State state,
      String progress,
      boolean overdue,
      Instant updatedAt)
      implements Serializable {}

  public record RevisionView(
      Instant revisedAt, String revisedBy, String reason, String titleBefore, String textBefore)
      implements Serializable {}

  /** Everything a reader may know of one resolution. */
  public record Detail(
      UUID id,
      String number,
      ResolutionType type,
      String title,
      String text,
      UUID bodyId,
      String bodyCs,
      String bodyEn,
      UUID meetingId,
      int meetingNumber,
      LocalDateTime meetingStartsAt,
      String agendaItem,
      LocalDateTime votedAt,
      int votesFor,
      int votesAgainst,
      int abstained,
      int present,
      int basis,
      QuorumBasis quorumBasis,
      int quorum,
      Majority majority,
      int needed,
      Outcome outcome,
      Visibility visibility,
      Instant publishedAt,
      List<VoteView> votes,
      List<TaskView> tasks,
      List<RevisionView> revisions,
      Link changes,
      List<Link> changedBy,
      boolean annulled)
      implements Serializable {}

  /** A meeting as a reader sees it; the agenda and the online link are for members only. */
  public record MeetingView(
      UUID id,
      UUID bodyId,
      String bodyCs,
      String bodyEn,
      int number,
      LocalDateTime startsAt,
      String place,
      String onlineUrl,
      List<String> agenda,
      List<Summary> resolutions,
      List<Meetings.FileInfo> files)
      implements Serializable {}

  public LocalDate today() {
    return LocalDate.now(clock.withZone(LOCAL_TIME));
  }

  /** A page of the register: newest first, or best match first where words are asked for. */
  public Result search(RegisterFilter filter, boolean member, int offset, int limit) {
    LocalDate today = today();
    SearchIndex.Hits hits = index.search(filter, member, today, offset, limit);
    Set<String> stems = CzechText.queryStems(filter.query());
    List<String> folded = hits.approximate() ? CzechText.foldedWords(filter.query()) : List.of();
    List<Summary> items =
        hits.hits().stream().map(hit -> summary(hit, stems, folded, today)).toList();
    return new Result(new Page<>(hits.total(), offset, limit, items), hits.approximate());
  }

  /** The latest published resolutions the reader may see. */
  public List<Summary> latest(boolean member, int count) {
    return search(RegisterFilter.none(), member, 0, count).page().items();
  }

  /** The years in which the reader may see resolutions, newest first. */
  @SuppressWarnings("unchecked")
  public List<Integer> years(boolean member) {
    List<Object> years =
        em.createNativeQuery(
                "SELECT DISTINCT year FROM resolution_search WHERE "
                    + (member ? "visibility IN ('PUBLIC', 'MEMBERS')" : "visibility = 'PUBLIC'")
                    + " ORDER BY year DESC")
            .setHint("eclipselink.jdbc.allow-native-sql-query", true)
            .getResultList();
    return years.stream().map(y -> ((Number) y).intValue()).toList();
  }

  public List<GoverningBody> bodies() {
    return bodies.all();
  }

  /** A hit as a list shows it: its title and a part of its text marked where the query found it. */
  private static Summary summary(
      SearchIndex.Hit hit, Set<String> stems, List<String> folded, LocalDate today) {
    return new Summary(
        hit.id(),
        hit.number(),
        hit.title(),
        CzechText.highlight(hit.title(), stems, folded, Integer.MAX_VALUE),
        CzechText.highlight(hit.text(), stems, folded, SNIPPET),
        hit.bodyId(),
        hit.bodyCs(),
        hit.bodyEn(),
        hit.meetingId(),
        hit.meetingNumber(),
        hit.votedAt(),
        hit.type(),
        hit.outcome(),
        hit.visibility(),
        hit.tasks(),
        hit.overdueOn(today),
        hit.annulled());
  }

  /** One resolution, if the reader may read it. */
  public Optional<Detail> detail(UUID id, boolean member) {
    Resolution r = id == null ? null : em.find(Resolution.class, id);
    return r == null || !r.readableBy(member) ? Optional.empty() : Optional.of(detail(r, member));
  }

  public Optional<Detail> byNumber(String number, boolean member) {
    return resolutions
        .byNumber(number)
        .filter(r -> r.readableBy(member))
        .map(r -> detail(r, member));
  }

  private Detail detail(Resolution r, boolean member) {
    GoverningBody body = bodies.require(r.bodyId());
    Meeting meeting = meetings.require(r.meetingId());
    String agendaItem =
        r.agendaItemId() == null
            ? null
            : Optional.ofNullable(em.find(AgendaItem.class, r.agendaItemId()))
                .map(a -> a.position() + ". " + a.title())
                .orElse(null);
    Map<UUID, Seat> seats =
        bodies.seats(body.id()).stream().collect(Collectors.toMap(Seat::id, Function.identity()));
    List<VoteView> votes =
        resolutions.votes(r.id()).entrySet().stream()
            .map(
                v -> {
                  Seat seat = seats.get(v.getKey());
                  return new VoteView(seat.name(), seat.municipalityCode(), v.getValue());
                })
            .sorted(Comparator.comparing(VoteView::name))
            .toList();
    LocalDate today = today();
    List<TaskView> tasks =
        resolutions.tasks(r.id()).stream()
            .map(
                t ->
                    new TaskView(
                        t.id(),
                        t.what(),
                        t.who(),
                        t.dueOn(),
                        t.state(),
                        t.progress(),
                        t.overdueOn(today),
                        t.updatedAt()))
            .toList();
    List<RevisionView> revisions =
        resolutions.revisions(r.id()).stream()
            .map(
                (Revision v) ->
                    new RevisionView(
                        v.revisedAt(),
                        v.revisedByName(),
                        v.reason(),
                        v.titleBefore(),
                        v.textBefore()))
            .toList();
    Link changes = null;
    if (r.changesId() != null) {
      Resolution earlier = em.find(Resolution.class, r.changesId());
      if (earlier != null && earlier.readableBy(member)) {
        changes =
            new Link(
                earlier.id(), earlier.number(), earlier.title(), r.changeKind(), earlier.outcome());
      }
    }
    List<Link> changedBy =
        resolutions.changedBy(r.id()).stream()
            .filter(later -> later.readableBy(member))
            .map(
                later ->
                    new Link(
                        later.id(),
                        later.number(),
                        later.title(),
                        later.changeKind(),
                        later.outcome()))
            .toList();
    boolean annulled =
        resolutions.changedBy(r.id()).stream()
            .anyMatch(
                later ->
                    later.isPublished()
                        && later.changesInForce()
                        && later.changeKind() == ChangeKind.ANNULS);
    return new Detail(
        r.id(),
        r.number(),
        r.type(),
        r.title(),
        r.text(),
        body.id(),
        body.nameCs(),
        body.nameEn(),
        meeting.id(),
        meeting.number(),
        meeting.startsAt(),
        agendaItem,
        r.votedAt(),
        r.votesFor(),
        r.votesAgainst(),
        r.abstained(),
        r.present(),
        r.basis(),
        body.quorumBasis(),
        r.quorum(),
        r.majority(),
        r.needed(),
        r.outcome(),
        r.visibility(),
        r.publishedAt(),
        votes,
        tasks,
        revisions,
        changes,
        changedBy,
        annulled);
  }

  /** A meeting with the resolutions and files the reader may see. */
  public Optional<MeetingView> meeting(UUID id, boolean member) {
    Meeting meeting = id == null ? null : em.find(Meeting.class, id);
    if (meeting == null) {
      return Optional.empty();
    }
    GoverningBody body = bodies.require(meeting.bodyId());
    List<UUID> readable =
        resolutions.ofMeeting(id).stream()
            .filter(r -> r.readableBy(member))
            .map(Resolution::id)
            .toList();
    LocalDate today = today();
    List<Summary> summaries =
        index.listed(readable).stream()
            .map(hit -> summary(hit, Set.of(), List.of(), today))
            .toList();
    List<Meetings.FileInfo> files =
        meetings.files(id).stream().filter(f -> f.visibility().readableBy(member)).toList();
    List<String> agenda =
        member
            ? meetings.agenda(id).stream().map(a -> a.position() + ". " + a.title()).toList()
            : List.of();
    return Optional.of(
        new MeetingView(
            meeting.id(),
            body.id(),
            body.nameCs(),
            body.nameEn(),
            meeting.number(),
            meeting.startsAt(),
            meeting.place(),
            member ? meeting.onlineUrl() : null,
            agenda,
            summaries,
            files));
  }

  /** The resolutions of a meeting the reader may see, in full (for the PDF). */
  public List<Detail> meetingDetails(UUID meetingId, boolean member) {
    return resolutions.ofMeeting(meetingId).stream()
        .filter(r -> r.readableBy(member))
        .map(r -> detail(r, member))
        .toList();
  }

  /** The meetings of the association, newest first (their numbers and days are public). */
  public List<Meeting> meetings() {
    return meetings.all();
  }

  /** Every hit of a search in full, for the CSV (at most {@code max}). */
  public List<Detail> all(RegisterFilter filter, boolean member, int max) {
    List<Detail> details = new ArrayList<>();
    int offset = 0;
    while (details.size() < max) {
      SearchIndex.Hits hits =
          index.search(
              filter, member, today(), offset, Math.min(Page.MAX_LIMIT, max - details.size()));
      for (SearchIndex.Hit hit : hits.hits()) {
        detail(hit.id(), member).ifPresent(details::add);
      }
      offset += hits.hits().size();
      if (hits.hits().isEmpty() || offset >= hits.total()) {
        break;
      }
    }
    return details;
  }
}
