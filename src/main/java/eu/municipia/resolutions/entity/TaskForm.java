package eu.municipia.resolutions.entity;

import eu.municipia.platform.entity.Dates;
import eu.municipia.platform.entity.Validated;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A follow-up task of a resolution: what, who, by when, its state and how far it got. */
public record TaskForm(String what, String who, LocalDate dueOn, String state, String progress)
    implements Validated {

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (what == null || what.isBlank() || what.trim().length() > 1000) {
      errors.put("what", "task.error.what");
    }
    if (who == null || who.isBlank() || who.trim().length() > 200) {
      errors.put("who", "task.error.who");
    }
    if (!Dates.plausible(dueOn)) {
      errors.put("dueOn", "date.error.range");
    }
    if (state != null && !state.isBlank() && Enums.parse(Task.State.class, state).isEmpty()) {
      errors.put("state", "task.error.state");
    }
    if (progress != null && progress.trim().length() > 2000) {
      errors.put("progress", "task.error.progress");
    }
    return errors;
  }

  /** The state given, or open for a new task. */
  public Task.State taskState() {
    return Enums.parse(Task.State.class, state).orElse(Task.State.OPEN);
  }
}
