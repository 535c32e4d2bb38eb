package eu.municipia.membership.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.membership.control.Applications;
import eu.municipia.membership.entity.ApplicationDecidedException;
import eu.municipia.membership.entity.ApplicationStatus;
import eu.municipia.membership.entity.MembershipApplication;
import eu.municipia.membership.entity.MembershipTransitionException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

/** The association admin's page of applications (/{tenant}/admin/applications). */
@Named
@ViewScoped
public class ApplicationsPage implements Serializable {

  static final int DECIDED_SHOWN = 20;

  @Inject Applications applications;
  @Inject CurrentCaller caller;

  private List<Row> waiting;
  private List<Row> decided;
  private final Map<UUID, String> since = new HashMap<>();
  private final Map<UUID, String> reason = new HashMap<>();
  private final Map<UUID, String> errors = new HashMap<>();

  /** An application with its municipality's name, which the register holds. */
  public record Row(MembershipApplication application, String municipality)
      implements Serializable {}

  @PostConstruct
  void load() {
    waiting = rows(List.of(ApplicationStatus.SUBMITTED), 500);
    decided = rows(List.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED), DECIDED_SHOWN);
    waiting.forEach(r -> since.putIfAbsent(r.application().getId(), LocalDate.now().toString()));
  }

  private List<Row> rows(List<ApplicationStatus> statuses, int limit) {
    return applications.list(statuses, 0, limit).stream()
        .map(a -> new Row(a, applications.name(a)))
        .toList();
  }

  public void approve(Row row) {
    UUID id = row.application().getId();
    errors.clear();
    LocalDate date;
    try {
      date = LocalDate.parse(since.getOrDefault(id, "").trim());
    } catch (DateTimeParseException e) {
      errors.put(id, text("applications.error.since"));
      return;
    }
    decide(row, () -> applications.approve(id, date, caller.get()), "applications.approved");
  }

  public void reject(Row row) {
    UUID id = row.application().getId();
    errors.clear();
    String why = reason.get(id);
    if (why == null || why.isBlank()) {
      errors.put(id, text("applications.error.reason"));
      return;
    }
    decide(row, () -> applications.reject(id, why, caller.get()), "applications.rejected");
  }

  private void decide(Row row, Runnable decision, String doneKey) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      decision.run();
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              MessageFormat.format(text(doneKey), row.municipality()),
              null));
    } catch (ApplicationDecidedException | MembershipTransitionException e) {
      // Another admin decided first, or the municipality became a member meanwhile.
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              MessageFormat.format(text("applications.conflict"), e.getMessage()),
              null));
    }
    since.clear();
    reason.clear();
    load();
  }

  public List<Row> getWaiting() {
    return waiting;
  }

  public List<Row> getDecided() {
    return decided;
  }

  public Map<UUID, String> getSince() {
    return since;
  }

  public Map<UUID, String> getReason() {
    return reason;
  }

  public Map<UUID, String> getErrors() {
    return errors;
  }

  private static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    return bundle.getString(key);
  }
}
