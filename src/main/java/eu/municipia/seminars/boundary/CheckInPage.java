package eu.municipia.seminars.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.control.Attendance;
import eu.municipia.seminars.control.EventTimes;
import eu.municipia.seminars.control.Registrations;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.RegistrationStatus;
import eu.municipia.seminars.entity.Seminar;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The check-in at the door, made for a phone (/{tenant}/admin/seminars/checkin?id=…): the QR code
 * of a ticket opens this page with its code (&code=…), which shows the person and checks them in
 * with one button; a code can be typed too, or a person found by name (without accents) and checked
 * in from the list.
 */
@Named
@RequestScoped
public class CheckInPage extends EventAdminPage {

  @Inject Registrations registrations;
  @Inject Attendance attendance;
  @Inject CurrentCaller caller;

  /** A person found by a ticket's code, before checking in. */
  public record Found(
      UUID participant, String name, String from, boolean registered, String checkedIn) {}

  private List<Attendance.Row> rows;
  private Optional<Found> found;
  private String code;

  @Override
  protected void list(Seminar seminar) {
    rows = attendance.rows(seminar.id());
  }

  /** The person whose ticket's code the link (QR) or the form gives. */
  public Optional<Found> getFound() {
    if (found == null) {
      String asked = getCode();
      EventView event = getEvent();
      found =
          event == null || asked.isEmpty()
              ? Optional.empty()
              : tx.get(() -> registrations.ticket(event.id(), asked).map(this::found));
    }
    return found;
  }

  private Found found(Participant p) {
    return new Found(
        p.id(),
        p.name(),
        attendance.from(p.registration()),
        p.isActive() && p.registration().status() == RegistrationStatus.CONFIRMED,
        p.checkedInAt() == null ? null : EventTimes.moment(p.checkedInAt(), shell.getLocale()));
  }

  public void checkInCode() {
    try {
      var person = registrations.checkIn(getEvent().id(), getCode(), caller.get());
      FormMessages.info("seminar.checkin.done", person.name());
    } catch (Refusal e) {
      Pages.show("checkin", e, "code");
    }
    found = null;
    reread();
  }

  public void checkIn(UUID participant) {
    try {
      var person = registrations.checkInPerson(getEvent().id(), participant, caller.get());
      FormMessages.info("seminar.checkin.done", person.name());
    } catch (Refusal e) {
      Pages.show("people", e);
    }
    found = null;
    reread();
  }

  /** Everyone confirmed, or those whose name matches the search (without accents). */
  public List<Attendance.Row> getPeople() {
    read();
    String q = fold(Pages.parameter("q"));
    return rows == null
        ? List.of()
        : rows.stream().filter(r -> q.isEmpty() || fold(r.name()).contains(q)).toList();
  }

  public long getCheckedIn() {
    read();
    return rows == null ? 0 : rows.stream().filter(Attendance.Row::isCheckedIn).count();
  }

  public int getTotal() {
    read();
    return rows == null ? 0 : rows.size();
  }

  public String getQuery() {
    return Pages.parameter("q");
  }

  public String getCode() {
    if (code == null) {
      code = Pages.parameter("code").toUpperCase(Locale.ROOT);
    }
    return code;
  }

  public void setCode(String code) {
    this.code = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
  }

  public boolean invalid(String clientId) {
    return FacesContext.getCurrentInstance().getMessages(clientId).hasNext();
  }

  private static String fold(String text) {
    if (text == null) {
      return "";
    }
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .trim();
  }
}
