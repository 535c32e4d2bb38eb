package eu.municipia.resolutions.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.resolutions.control.Bodies;
import eu.municipia.resolutions.control.Meetings;
import eu.municipia.resolutions.control.Resolutions;
import eu.municipia.resolutions.entity.AgendaItem;
import eu.municipia.resolutions.entity.Attendance;
import eu.municipia.resolutions.entity.ChangeKind;
import eu.municipia.resolutions.entity.FileKind;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.resolutions.entity.Meeting;
import eu.municipia.resolutions.entity.Resolution;
import eu.municipia.resolutions.entity.ResolutionForm;
import eu.municipia.resolutions.entity.ResolutionType;
import eu.municipia.resolutions.entity.Seat;
import eu.municipia.resolutions.entity.Visibility;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The admin's page of one meeting (/{tenant}/admin/resolutions/meeting?id=): its agenda, who came
 * and went, the resolutions recorded after each vote (number and outcome computed, a vote without
 * quorum refused with the reason), their publication, its files, and the invitation.
 */
@Named
@ViewScoped
public class MeetingAdminPage implements Serializable {

  static final String AGENDA = "agenda";
  static final String ATTENDANCE = "attendance";
  static final String RESOLUTION = "resolution";

  @Inject Meetings meetings;
  @Inject Bodies bodies;
  @Inject Resolutions resolutions;
  @Inject CurrentCaller caller;
  @Inject Shell shell;
  @Inject HttpServletRequest request;
  @Inject eu.municipia.tenancy.control.TenantContext tenants;

  private UUID id;
  private Meeting meeting;
  private GoverningBody body;
  private List<AgendaItem> agenda;
  private List<Attendance> stays;
  private Map<UUID, Seat> seats;
  private List<Resolution> recorded;
  private List<Meetings.FileInfo> files;

  private String agendaTitle;
  private String staySeat;
  private String stayFrom;
  private String stayTo;
  private final Map<UUID, String> departures = new HashMap<>();

  private String agendaItem;
  private String type = ResolutionType.GENERAL.name();
  private String title;
  private String text;
  private String votedAt;
  private String votesFor;
  private String votesAgainst;
  private String abstained;
  private final Map<String, String> votesByName = new LinkedHashMap<>();
  private String visibility = Visibility.PUBLIC.name();
  private String changesNumber;
  private String changeKind = ChangeKind.AMENDS.name();

  @PostConstruct
  void init() {
    id = Ids.orNull(request.getParameter("id"));
    try {
      meeting = id == null ? null : meetings.require(id);
    } catch (Refusal notFound) {
      meeting = null;
    }
    if (meeting != null) {
      votedAt = meeting.startsAt().toLocalTime().toString();
      stayFrom = votedAt;
      load();
    }
  }

  private void load() {
    meeting = meetings.require(id);
    body = bodies.require(meeting.bodyId());
    agenda = meetings.agenda(id);
    stays = meetings.attendance(id);
    seats =
        bodies.seatsOn(body.id(), meeting.startsAt().toLocalDate()).stream()
            .collect(
                Collectors.toMap(Seat::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    recorded = resolutions.ofMeeting(id);
    files = meetings.files(id);
  }

  public void check() throws IOException {
    Pages.notFoundIf(meeting == null);
  }

  public void addAgendaItem() {
    try {
      meetings.addAgendaItem(id, agendaTitle, caller.get());
      agendaTitle = null;
      load();
    } catch (Refusal e) {
      FormMessages.show(AGENDA, e);
    }
  }

  public void everyonePresent() {
    int added = meetings.everyonePresentFromStart(id, caller.get());
    FormMessages.info("admin.attendance.everyone", added);
    load();
  }

  public void arrive() {
    LocalTime from = Inputs.time(ATTENDANCE, "arrivedAt", stayFrom, "attendance.error.arrivedAt");
    LocalTime to = Inputs.time(ATTENDANCE, "leftAt", stayTo, "attendance.error.leftAt");
    if (FormMessages.hasErrors()) {
      return;
    }
    try {
      meetings.arrive(id, Ids.orNull(staySeat), at(from), at(to), caller.get());
      stayTo = null;
      load();
    } catch (Refusal e) {
      FormMessages.show(ATTENDANCE, e);
    }
  }

  public void leave(Attendance stay) {
    LocalTime to = Inputs.timeOrNull(departures.get(stay.id()));
    if (to == null) {
      FormMessages.error("attendance.error.leftAt");
      return;
    }
    try {
      meetings.leave(id, stay.id(), at(to), caller.get());
      departures.clear();
      load();
    } catch (Refusal e) {
      Pages.refused(e);
    }
  }

  /** A time of the meeting's day (a meeting that goes past midnight is not foreseen). */
  private LocalDateTime at(LocalTime time) {
    return time == null ? null : meeting.startsAt().toLocalDate().atTime(time);
  }

  public void record() {
    Integer yes = Inputs.number(RESOLUTION, "votesFor", votesFor);
    Integer no = Inputs.number(RESOLUTION, "votesAgainst", votesAgainst);
    Integer abstain = Inputs.number(RESOLUTION, "abstained", abstained);
    LocalTime time = Inputs.time(RESOLUTION, "votedAt", votedAt, "resolution.error.votedAt");
    UUID changes = null;
    if (changesNumber != null && !changesNumber.isBlank()) {
      changes = resolutions.byNumber(changesNumber.trim()).map(Resolution::id).orElse(null);
      if (changes == null) {
        FormMessages.fieldError(RESOLUTION, "changesId", "resolution.error.changes");
      }
    }
    Map<String, String> byName = new LinkedHashMap<>();
    votesByName.forEach(
        (seat, choice) -> {
          if (choice != null && !choice.isBlank()) {
            byName.put(seat, choice);
          }
        });
    if (body.votesByName() && byName.isEmpty()) {
      FormMessages.fieldError(RESOLUTION, "votes", "resolution.error.votes");
    }
    if (FormMessages.hasErrors()) {
      return;
    }
    ResolutionForm form =
        new ResolutionForm(
            id,
            Ids.orNull(agendaItem),
            type,
            title,
            text,
            at(time),
            body.votesByName() ? null : yes,
            body.votesByName() ? null : no,
            body.votesByName() ? null : abstain,
            body.votesByName() ? byName : null,
            visibility,
            changes,
            changes == null ? null : changeKind);
    try {
      Resolution r = resolutions.record(form, caller.get());
      FormMessages.info(
          "admin.resolution.recorded",
          r.number(),
          FormMessages.text("resolution.outcome." + r.outcome().name()),
          r.votesFor(),
          r.needed());
      title = null;
      text = null;
      votesFor = null;
      votesAgainst = null;
      abstained = null;
      votesByName.clear();
      changesNumber = null;
      load();
    } catch (Refusal e) {
      FormMessages.show(RESOLUTION, e);
    }
  }

  public void publish(Resolution r) {
    try {
      resolutions.publish(r.id(), caller.get());
      FormMessages.info("admin.resolution.published", r.number());
    } catch (Refusal e) {
      Pages.refused(e);
    }
    load();
  }

  /** Where the page's script sends a file (the API's upload of a meeting's files). */
  public String getFilesApi() {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + tenants.current().id()
        + "/meetings/"
        + id
        + "/files";
  }

  public void invite() {
    try {
      int sent = meetings.invite(id, shell.getLocale(), caller.get());
      FormMessages.info("admin.meeting.invited", sent);
      load();
    } catch (Refusal e) {
      Pages.refused(e);
    }
  }

  public String seatName(UUID seat) {
    Seat s = seats.get(seat);
    return s == null ? "" : s.name();
  }

  public boolean invalid(String form, String field) {
    return FormMessages.invalid(form, field);
  }

  public List<String> getTypes() {
    return Arrays.stream(ResolutionType.values()).map(Enum::name).toList();
  }

  public List<String> getKinds() {
    return Arrays.stream(ChangeKind.values()).map(Enum::name).toList();
  }

  public List<String> getFileKinds() {
    return Arrays.stream(FileKind.values()).map(Enum::name).toList();
  }

  public List<String> getVisibilities() {
    return Arrays.stream(Visibility.values()).map(Enum::name).toList();
  }

  public List<String> getChoices() {
    return Arrays.stream(eu.municipia.resolutions.entity.VoteChoice.values())
        .map(Enum::name)
        .toList();
  }

  public Meeting getMeeting() {
    return meeting;
  }

  public GoverningBody getBody() {
    return body;
  }

  public List<AgendaItem> getAgenda() {
    return agenda;
  }

  public List<Attendance> getStays() {
    return stays;
  }

  public List<Seat> getSeats() {
    return List.copyOf(seats.values());
  }

  public List<Resolution> getRecorded() {
    return recorded;
  }

  public List<Meetings.FileInfo> getFiles() {
    return files;
  }

  public Map<UUID, String> getDepartures() {
    return departures;
  }

  public Map<String, String> getVotesByName() {
    return votesByName;
  }

  public String getAgendaTitle() {
    return agendaTitle;
  }

  public void setAgendaTitle(String agendaTitle) {
    this.agendaTitle = agendaTitle;
  }

  public String getStaySeat() {
    return staySeat;
  }

  public void setStaySeat(String staySeat) {
    this.staySeat = staySeat;
  }

  public String getStayFrom() {
    return stayFrom;
  }

  public void setStayFrom(String stayFrom) {
    this.stayFrom = stayFrom;
  }

  public String getStayTo() {
    return stayTo;
  }

  public void setStayTo(String stayTo) {
    this.stayTo = stayTo;
  }

  public String getAgendaItem() {
    return agendaItem;
  }

  public void setAgendaItem(String agendaItem) {
    this.agendaItem = agendaItem;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getVotedAt() {
    return votedAt;
  }

  public void setVotedAt(String votedAt) {
    this.votedAt = votedAt;
  }

  public String getVotesFor() {
    return votesFor;
  }

  public void setVotesFor(String votesFor) {
    this.votesFor = votesFor;
  }

  public String getVotesAgainst() {
    return votesAgainst;
  }

  public void setVotesAgainst(String votesAgainst) {
    this.votesAgainst = votesAgainst;
  }

  public String getAbstained() {
    return abstained;
  }

  public void setAbstained(String abstained) {
    this.abstained = abstained;
  }

  public String getVisibility() {
    return visibility;
  }

  public void setVisibility(String visibility) {
    this.visibility = visibility;
  }

  public String getChangesNumber() {
    return changesNumber;
  }

  public void setChangesNumber(String changesNumber) {
    this.changesNumber = changesNumber;
  }

  public String getChangeKind() {
    return changeKind;
  }

  public void setChangeKind(String changeKind) {
    this.changeKind = changeKind;
  }
}
