package eu.municipia.resolutions.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.resolutions.control.Bodies;
import eu.municipia.resolutions.control.Meetings;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.resolutions.entity.Meeting;
import eu.municipia.resolutions.entity.MeetingForm;
import eu.municipia.resolutions.entity.Seat;
import eu.municipia.resolutions.entity.SeatForm;
import eu.municipia.resolutions.entity.SeatRole;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin's page of one body (/{tenant}/admin/resolutions/body?id=): its rules, its seats (add
 * one, end a term) and its meetings (announce one).
 */
@Named
@ViewScoped
public class BodyAdminPage implements Serializable {

  static final String RULES = "rules";
  static final String SEAT = "seat";
  static final String MEETING = "meeting";

  @Inject Bodies bodies;
  @Inject Meetings meetings;
  @Inject CurrentCaller caller;
  @Inject Shell shell;
  @Inject HttpServletRequest request;

  private UUID id;
  private GoverningBody body;
  private BodyFields fields;
  private List<Seat> seats;
  private List<Meeting> bodyMeetings;

  private String seatName;
  private String seatMunicipality;
  private String seatEmail;
  private String seatRole = SeatRole.MEMBER.name();
  private String seatFrom;
  private String seatTo;
  private final Map<UUID, String> termEnds = new HashMap<>();

  private String meetingNumber;
  private String meetingDay;
  private String meetingTime = "14:00";
  private String meetingPlace;
  private String meetingUrl;

  @PostConstruct
  void init() {
    id = Ids.orNull(request.getParameter("id"));
    try {
      body = id == null ? null : bodies.require(id);
    } catch (Refusal notFound) {
      body = null;
    }
    if (body != null) {
      fields = BodyFields.of(body.form());
      load();
    }
  }

  private void load() {
    body = bodies.require(id);
    seats = bodies.seats(id);
    bodyMeetings = meetings.ofBody(id);
    meetingNumber =
        Integer.toString(bodyMeetings.stream().mapToInt(Meeting::number).max().orElse(0) + 1);
  }

  public void check() throws IOException {
    Pages.notFoundIf(body == null);
  }

  public void saveRules() {
    try {
      bodies.change(id, fields.form(), caller.get());
      FormMessages.info("admin.body.saved");
      load();
    } catch (Refusal e) {
      FormMessages.show(RULES, e);
    }
  }

  public void addSeat() {
    LocalDate from = Inputs.day(SEAT, "termFrom", seatFrom, "seat.error.termFrom");
    LocalDate to = Inputs.day(SEAT, "termTo", seatTo, "seat.error.termTo");
    if (FormMessages.hasErrors()) {
      return;
    }
    try {
      SeatForm form = new SeatForm(seatName, seatMunicipality, seatEmail, seatRole, from, to);
      if (!form.errors().isEmpty()) {
        FormMessages.show(SEAT, form.errors());
        return;
      }
      Seat seat = bodies.addSeat(id, form, caller.get());
      FormMessages.info("admin.seat.added", seat.name());
      seatName = null;
      seatMunicipality = null;
      seatEmail = null;
      seatTo = null;
      load();
    } catch (Refusal e) {
      FormMessages.show(SEAT, e);
    }
  }

  public void endTerm(Seat seat) {
    LocalDate to = Inputs.dayOrNull(termEnds.get(seat.id()));
    if (to == null) {
      FormMessages.error("seat.error.termTo");
      return;
    }
    try {
      bodies.changeSeat(
          id,
          seat.id(),
          new SeatForm(
              seat.name(),
              seat.municipalityCode(),
              seat.email(),
              seat.role().name(),
              seat.termFrom(),
              to),
          caller.get());
      FormMessages.info("admin.seat.ended", seat.name());
      termEnds.clear();
      load();
    } catch (Refusal e) {
      Pages.refused(e);
    }
  }

  public void createMeeting() throws IOException {
    Integer number = Inputs.number(MEETING, "number", meetingNumber);
    LocalDate day = Inputs.day(MEETING, "startsAt", meetingDay, "meeting.error.startsAt");
    LocalTime time = Inputs.time(MEETING, "startsAtTime", meetingTime, "meeting.error.startsAt");
    if (FormMessages.hasErrors()) {
      return;
    }
    MeetingForm form =
        new MeetingForm(
            number,
            day == null || time == null ? null : day.atTime(time),
            meetingPlace,
            meetingUrl);
    if (!form.errors().isEmpty()) {
      FormMessages.show(MEETING, form.errors());
      return;
    }
    try {
      Meeting meeting = meetings.create(id, form, caller.get());
      FormMessages.keepForRedirect();
      FormMessages.info("admin.meeting.created", meeting.number());
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect(shell.url("/admin/resolutions/meeting") + "?id=" + meeting.id());
    } catch (Refusal e) {
      FormMessages.show(MEETING, e);
    }
  }

  public boolean invalid(String form, String field) {
    return FormMessages.invalid(form, field);
  }

  public List<String> getRoles() {
    return Arrays.stream(SeatRole.values()).map(Enum::name).toList();
  }

  public boolean isDelegates() {
    return body != null
        && body.quorumBasis() == eu.municipia.resolutions.entity.QuorumBasis.MEMBER_MUNICIPALITIES;
  }

  public GoverningBody getBody() {
    return body;
  }

  public BodyFields getFields() {
    return fields;
  }

  public List<Seat> getSeats() {
    return seats;
  }

  public List<Meeting> getMeetings() {
    return bodyMeetings;
  }

  public Map<UUID, String> getTermEnds() {
    return termEnds;
  }

  public String getSeatName() {
    return seatName;
  }

  public void setSeatName(String seatName) {
    this.seatName = seatName;
  }

  public String getSeatMunicipality() {
    return seatMunicipality;
  }

  public void setSeatMunicipality(String seatMunicipality) {
    this.seatMunicipality = seatMunicipality;
  }

  public String getSeatEmail() {
    return seatEmail;
  }

  public void setSeatEmail(String seatEmail) {
    this.seatEmail = seatEmail;
  }

  public String getSeatRole() {
    return seatRole;
  }

  public void setSeatRole(String seatRole) {
    this.seatRole = seatRole;
  }

  public String getSeatFrom() {
    return seatFrom;
  }

  public void setSeatFrom(String seatFrom) {
    this.seatFrom = seatFrom;
  }

  public String getSeatTo() {
    return seatTo;
  }

  public void setSeatTo(String seatTo) {
    this.seatTo = seatTo;
  }

  public String getMeetingNumber() {
    return meetingNumber;
  }

  public void setMeetingNumber(String meetingNumber) {
    this.meetingNumber = meetingNumber;
  }

  public String getMeetingDay() {
    return meetingDay;
  }

  public void setMeetingDay(String meetingDay) {
    this.meetingDay = meetingDay;
  }

  public String getMeetingTime() {
    return meetingTime;
  }

  public void setMeetingTime(String meetingTime) {
    this.meetingTime = meetingTime;
  }

  public String getMeetingPlace() {
    return meetingPlace;
  }

  public void setMeetingPlace(String meetingPlace) {
    this.meetingPlace = meetingPlace;
  }

  public String getMeetingUrl() {
    return meetingUrl;
  }

  public void setMeetingUrl(String meetingUrl) {
    this.meetingUrl = meetingUrl;
  }
}
