package eu.municipia.resolutions.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.mail.control.Outbox;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.control.UniqueKeys;
import eu.municipia.platform.control.Uploads;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.resolutions.entity.AgendaItem;
import eu.municipia.resolutions.entity.Attendance;
import eu.municipia.resolutions.entity.FileKind;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.resolutions.entity.Meeting;
import eu.municipia.resolutions.entity.MeetingFile;
import eu.municipia.resolutions.entity.MeetingForm;
import eu.municipia.resolutions.entity.Seat;
import eu.municipia.resolutions.entity.Visibility;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin's use cases on meetings: announcing one, its agenda, who came and went (so that who was
 * present at each vote is known), its files, and the invitation of the seat holders.
 */
@ApplicationScoped
@Transactional
public class Meetings {

  static final String TEXTS = "eu.municipia.resolutions.control.mail";

  @Inject EntityManager em;
  @Inject Bodies bodies;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Outbox outbox;
  @Inject Links links;
  @Inject TenantContext tenants;

  @Inject
  @ConfigProperty(name = "resolutions.max-file-mib", defaultValue = "20")
  int maxFileMib;

  /** File metadata, without the bytes. */
  public record FileInfo(
      UUID id,
      FileKind kind,
      String fileName,
      int size,
      Visibility visibility,
      Instant uploadedAt,
      String uploadedBy)
      implements java.io.Serializable {

    public static FileInfo of(MeetingFile f) {
      return new FileInfo(
          f.id(),
          f.kind(),
          f.fileName(),
          f.size(),
          f.visibility(),
          f.uploadedAt(),
          f.uploadedByName());
    }
  }

  public Meeting require(UUID id) {
    Meeting meeting = id == null ? null : em.find(Meeting.class, id);
    if (meeting == null) {
      throw Refusal.notFound("No meeting " + id + " here.");
    }
    return meeting;
  }

  public List<Meeting> ofBody(UUID bodyId) {
    return em.createNamedQuery(Meeting.OF_BODY, Meeting.class)
        .setParameter("body", bodyId)
        .getResultList();
  }

  public List<Meeting> all() {
    return em.createNamedQuery(Meeting.ALL, Meeting.class).getResultList();
  }

  public Meeting create(UUID bodyId, MeetingForm form, Caller admin) {
    GoverningBody body = bodies.require(bodyId);
    form.requireValid();
    Meeting meeting = new Meeting(body.id(), form, Instant.now(clock));
    em.persist(meeting);
    UniqueKeys.flush(
        em,
        () ->
            Refusal.conflict(
                "The body has a meeting numbered " + form.number() + " already.",
                "number",
                "meeting.error.numberTaken"));
    audit.record(
        admin, "meeting.created", "meeting", meeting.id().toString(), null, meeting.auditState());
    return meeting;
  }

  public List<AgendaItem> agenda(UUID meetingId) {
    return em.createNamedQuery(AgendaItem.OF_MEETING, AgendaItem.class)
        .setParameter("meeting", meetingId)
        .getResultList();
  }

  public AgendaItem addAgendaItem(UUID meetingId, String title, Caller admin) {
    Meeting meeting = require(meetingId);
    AgendaItem item = new AgendaItem(meeting.id(), agenda(meetingId).size() + 1, title);
    em.persist(item);
    UniqueKeys.flush(
        em,
        () ->
            Refusal.conflict(
                "Another admin added an item at the same moment.",
                "title",
                "agenda.error.concurrent"));
    audit.record(
        admin,
        "meeting.agenda.added",
        "agenda_item",
        item.id().toString(),
        null,
        Map.of(
            "meeting", meetingId.toString(), "position", item.position(), "title", item.title()));
    return item;
  }

  public List<Attendance> attendance(UUID meetingId) {
    return em.createNamedQuery(Attendance.OF_MEETING, Attendance.class)
        .setParameter("meeting", meetingId)
        .getResultList();
  }

  /**
   * Records a stay: the seat holder arrived (and left, if known). The seat must be the body's and
   * held on the meeting's day; one person's stays never overlap.
   */
  public Attendance arrive(
      UUID meetingId, UUID seatId, LocalDateTime arrivedAt, LocalDateTime leftAt, Caller admin) {
    Meeting meeting = require(meetingId);
    Seat seat = requireSeat(meeting, seatId);
    for (Attendance stay : attendance(meetingId)) {
      if (stay.seatId().equals(seat.id())
          && arrivedAt != null
          && stay.overlaps(arrivedAt, leftAt)) {
        throw Refusal.invalid("arrivedAt", "attendance.error.overlap");
      }
    }
    Attendance stay = new Attendance(meeting.id(), seat.id(), arrivedAt, leftAt);
    em.persist(stay);
    audit.record(
        admin,
        "meeting.attendance.arrived",
        "attendance",
        stay.id().toString(),
        null,
        state(stay, seat));
    return stay;
  }

  /** Records that someone left (or clears the departure with null). */
  public Attendance leave(UUID meetingId, UUID attendanceId, LocalDateTime leftAt, Caller admin) {
    Attendance stay = attendanceId == null ? null : em.find(Attendance.class, attendanceId);
    if (stay == null || !stay.meetingId().equals(meetingId)) {
      throw Refusal.notFound("No attendance " + attendanceId + " at this meeting.");
    }
    Seat seat = em.find(Seat.class, stay.seatId());
    Map<String, Object> before = state(stay, seat);
    for (Attendance other : attendance(meetingId)) {
      if (!other.id().equals(stay.id())
          && other.seatId().equals(stay.seatId())
          && other.overlaps(stay.arrivedAt(), leftAt)) {
        throw Refusal.invalid("leftAt", "attendance.error.overlap");
      }
    }
    stay.leave(leftAt);
    audit.record(
        admin,
        "meeting.attendance.left",
        "attendance",
        stay.id().toString(),
        before,
        state(stay, seat));
    return stay;
  }

  /** Everyone who holds a seat on the meeting's day and has no stay yet, present from its start. */
  public int everyonePresentFromStart(UUID meetingId, Caller admin) {
    Meeting meeting = require(meetingId);
    List<UUID> recorded = attendance(meetingId).stream().map(Attendance::seatId).toList();
    int added = 0;
    for (Seat seat : bodies.seatsOn(meeting.bodyId(), meeting.startsAt().toLocalDate())) {
      if (!recorded.contains(seat.id())) {
        arrive(meetingId, seat.id(), meeting.startsAt(), null, admin);
        added++;
      }
    }
    return added;
  }

  private Seat requireSeat(Meeting meeting, UUID seatId) {
    Seat seat = seatId == null ? null : em.find(Seat.class, seatId);
    if (seat == null || !seat.bodyId().equals(meeting.bodyId())) {
      throw Refusal.invalid("seatId", "attendance.error.seat");
    }
    if (!seat.heldOn(meeting.startsAt().toLocalDate())) {
      throw Refusal.invalid("seatId", "attendance.error.term");
    }
    return seat;
  }

  private static Map<String, Object> state(Attendance stay, Seat seat) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("meeting", stay.meetingId().toString());
    state.put("seat", seat.id().toString());
    state.put("name", seat.name());
    state.put("arrivedAt", stay.arrivedAt().toString());
    state.put("leftAt", stay.leftAt() == null ? null : stay.leftAt().toString());
    return state;
  }

  /** Stores a PDF (recognised from its bytes) read from the stream, at most the configured size. */
  public MeetingFile addFile(
      UUID meetingId,
      FileKind kind,
      String fileName,
      InputStream content,
      Visibility visibility,
      Caller admin) {
    Meeting meeting = require(meetingId);
    long max = maxFileMib * 1024L * 1024L;
    byte[] bytes;
    try (InputStream in = Uploads.capped(content, max)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The upload could not be read", e);
    }
    MeetingFile file =
        new MeetingFile(
            meeting.id(),
            kind,
            fileName,
            bytes,
            visibility,
            admin.displayName(),
            Instant.now(clock));
    em.persist(file);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("meeting", meetingId.toString());
    after.put("kind", kind.name());
    after.put("fileName", file.fileName());
    after.put("size", file.size());
    after.put("visibility", visibility.name());
    audit.record(admin, "meeting.file.added", "meeting_file", file.id().toString(), null, after);
    return file;
  }

  /** The meeting's files without their bytes, minutes first. */
  public List<FileInfo> files(UUID meetingId) {
    return em.createQuery(
            "SELECT NEW eu.municipia.resolutions.control.Meetings$FileInfo(f.id, f.kind, f.fileName,"
                + " f.size, f.visibility, f.uploadedAt, f.uploadedByName) FROM MeetingFile f"
                + " WHERE f.meetingId = :meeting ORDER BY f.kind DESC, f.uploadedAt",
            FileInfo.class)
        .setParameter("meeting", meetingId)
        .getResultList();
  }

  public MeetingFile file(UUID meetingId, UUID fileId) {
    MeetingFile file = fileId == null ? null : em.find(MeetingFile.class, fileId);
    if (file == null || !file.meetingId().equals(meetingId)) {
      throw Refusal.notFound("No file " + fileId + " of this meeting.");
    }
    return file;
  }

  /**
   * Invites the seat holders of the meeting's day who have an e-mail address: when, where, the
   * agenda, and the link to the meeting's page (its materials for members). Answers how many.
   */
  public int invite(UUID meetingId, Locale locale, Caller admin) {
    Meeting meeting = require(meetingId);
    GoverningBody body = bodies.require(meeting.bodyId());
    ResourceBundle texts = ResourceBundle.getBundle(TEXTS, locale);
    String agenda =
        agenda(meetingId).stream()
            .map(a -> a.position() + ". " + a.title())
            .collect(Collectors.joining("\n"));
    String where =
        meeting.place() != null
            ? meeting.place() + (meeting.onlineUrl() != null ? ", " + meeting.onlineUrl() : "")
            : meeting.onlineUrl();
    String link =
        links
            .of(tenants.current())
            .page("/resolutions/meeting", Map.of("id", meetingId.toString()))
            .toString();
    String when = meeting.startsAt().format(DateTimeFormatter.ofPattern("d. M. yyyy H:mm", locale));
    int sent = 0;
    for (Seat seat : bodies.seatsOn(body.id(), meeting.startsAt().toLocalDate())) {
      if (seat.email() != null) {
        outbox.queue(
            seat.email(),
            texts,
            "meeting.invitation",
            body.name(locale),
            meeting.number(),
            when,
            where,
            agenda.isEmpty() ? "-" : agenda,
            link,
            tenants.current().name(locale),
            seat.name());
        sent++;
      }
    }
    if (sent == 0) {
      throw Refusal.conflict(
          "No seat holder of this meeting has an e-mail address.",
          "invitation",
          "meeting.error.noAddresses");
    }
    meeting.invited(Instant.now(clock));
    audit.record(
        admin, "meeting.invited", "meeting", meetingId.toString(), null, Map.of("invited", sent));
    return sent;
  }
}
