package eu.municipia.resolutions.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.resolutions.control.Resolutions;
import eu.municipia.resolutions.entity.Resolution;
import eu.municipia.resolutions.entity.Revision;
import eu.municipia.resolutions.entity.Task;
import eu.municipia.resolutions.entity.TaskForm;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin's page of one resolution (/{tenant}/admin/resolutions/resolution?id=): publish it,
 * change its text (freely before publication, by a revision with a reason after it), and follow up
 * its tasks.
 */
@Named
@ViewScoped
public class ResolutionAdminPage implements Serializable {

  static final String TEXT = "wording";
  static final String TASK = "task";

  @Inject Resolutions resolutions;
  @Inject CurrentCaller caller;
  @Inject HttpServletRequest request;

  private UUID id;
  private Resolution resolution;
  private List<Task> tasks;
  private List<Revision> revisions;

  private String title;
  private String text;
  private String reason;

  private String what;
  private String who;
  private String dueOn;
  private final Map<UUID, String> states = new HashMap<>();
  private final Map<UUID, String> progress = new HashMap<>();

  @PostConstruct
  void init() {
    id = Ids.orNull(request.getParameter("id"));
    try {
      resolution = id == null ? null : resolutions.require(id);
    } catch (Refusal notFound) {
      resolution = null;
    }
    if (resolution != null) {
      load();
      title = resolution.title();
      text = resolution.text();
    }
  }

  private void load() {
    resolution = resolutions.require(id);
    tasks = resolutions.tasks(id);
    revisions = resolutions.revisions(id);
    states.clear();
    progress.clear();
    for (Task t : tasks) {
      states.put(t.id(), t.state().name());
      progress.put(t.id(), t.progress());
    }
  }

  public void check() throws IOException {
    Pages.notFoundIf(resolution == null);
  }

  public void publish() {
    try {
      resolutions.publish(id, caller.get());
      FormMessages.info("admin.resolution.published", resolution.number());
    } catch (Refusal e) {
      Pages.refused(e);
    }
    load();
  }

  public void saveText() {
    try {
      Optional<Revision> revision = resolutions.changeText(id, title, text, reason, caller.get());
      FormMessages.info(
          revision.isPresent() ? "admin.resolution.revised" : "admin.resolution.saved");
      reason = null;
      load();
    } catch (Refusal e) {
      FormMessages.show(TEXT, e);
    }
  }

  public void addTask() {
    LocalDate due = Inputs.day(TASK, "dueOn", dueOn, "task.error.dueOn");
    if (FormMessages.hasErrors()) {
      return;
    }
    try {
      resolutions.addTask(id, new TaskForm(what, who, due, null, null), caller.get());
      FormMessages.info("admin.task.added");
      what = null;
      who = null;
      dueOn = null;
      load();
    } catch (Refusal e) {
      FormMessages.show(TASK, e);
    }
  }

  public void updateTask(Task task) {
    try {
      resolutions.changeTask(
          id,
          task.id(),
          new TaskForm(
              task.what(),
              task.who(),
              task.dueOn(),
              states.get(task.id()),
              progress.get(task.id())),
          caller.get());
      FormMessages.info("admin.task.saved");
      load();
    } catch (Refusal e) {
      Pages.refused(e);
    }
  }

  public boolean invalid(String form, String field) {
    return FormMessages.invalid(form, field);
  }

  public List<String> getTaskStates() {
    return Arrays.stream(Task.State.values()).map(Enum::name).toList();
  }

  public Resolution getResolution() {
    return resolution;
  }

  public List<Task> getTasks() {
    return tasks;
  }

  public List<Revision> getRevisions() {
    return revisions;
  }

  public Map<UUID, String> getStates() {
    return states;
  }

  public Map<UUID, String> getProgress() {
    return progress;
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

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getWhat() {
    return what;
  }

  public void setWhat(String what) {
    this.what = what;
  }

  public String getWho() {
    return who;
  }

  public void setWho(String who) {
    this.who = who;
  }

  public String getDueOn() {
    return dueOn;
  }

  public void setDueOn(String dueOn) {
    this.dueOn = dueOn;
  }
}
