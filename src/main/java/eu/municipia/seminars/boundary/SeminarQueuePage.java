package eu.municipia.seminars.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.control.Attendance;
import eu.municipia.seminars.control.Registrations;
import eu.municipia.seminars.entity.Seminar;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin's queue of an event (/{tenant}/admin/seminars/registrations?id=…): every registration
 * in arrival order with its people, who holds an offer until when, the line; a registration is
 * moved (to the head of the line, in at once, or out) with a reason that is audited and mailed.
 * Links to the attendance list, its exports and the check-in.
 */
@Named
@RequestScoped
public class SeminarQueuePage extends EventAdminPage {

  @Inject Registrations registrations;
  @Inject Attendance attendance;
  @Inject CurrentCaller caller;
  @Inject HttpServletRequest request;

  private List<RegistrationView> queue;
  private final Map<UUID, String> moveTo = new HashMap<>();
  private final Map<UUID, String> reason = new HashMap<>();

  @Override
  protected void list(Seminar seminar) {
    queue =
        registrations.queue(seminar.id()).stream()
            .map(
                r ->
                    RegistrationView.of(
                        r, registrations.position(r), attendance.from(r), shell.getLocale()))
            .toList();
  }

  public void move(UUID registration) {
    String to = moveTo.get(registration);
    try {
      Registrations.Move move = to == null || to.isBlank() ? null : Registrations.Move.valueOf(to);
      registrations.move(registration, move, reason.get(registration), caller.get());
      FormMessages.info("seminar.queue.moved");
    } catch (IllegalArgumentException e) {
      FormMessages.error("seminar.error.move");
    } catch (Refusal e) {
      Pages.show("queue", e);
    }
    moveTo.clear();
    reason.clear();
    reread();
  }

  public List<RegistrationView> getQueue() {
    read();
    return queue;
  }

  public Map<UUID, String> getMoveTo() {
    return moveTo;
  }

  public Map<UUID, String> getReason() {
    return reason;
  }

  /** The API address of an export of the attendance list (csv, xlsx). */
  public String export(String format) {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + shell.tenant().map(t -> t.id()).orElse("")
        + "/seminars/"
        + getEvent().id()
        + "/attendance."
        + format;
  }
}
