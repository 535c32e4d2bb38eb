package eu.municipia.resolutions.entity;

import eu.municipia.platform.entity.Validated;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A meeting as the admin announces it: its number, when (local time), where or online. */
public record MeetingForm(Integer number, LocalDateTime startsAt, String place, String onlineUrl)
    implements Validated {

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (number == null || number < 1 || number > 100_000) {
      errors.put("number", "meeting.error.number");
    }
    if (startsAt == null || startsAt.getYear() < 1990 || startsAt.getYear() > 2100) {
      errors.put("startsAt", "meeting.error.startsAt");
    }
    boolean noPlace = place == null || place.isBlank();
    boolean noUrl = onlineUrl == null || onlineUrl.isBlank();
    if (noPlace && noUrl) {
      errors.put("place", "meeting.error.place");
    } else if (!noPlace && place.trim().length() > 300) {
      errors.put("place", "meeting.error.tooLong");
    }
    if (!noUrl
        && (!onlineUrl.trim().matches("https://[^\\s\"<>]+") || onlineUrl.trim().length() > 500)) {
      errors.put("onlineUrl", "meeting.error.onlineUrl");
    }
    return errors;
  }
}
