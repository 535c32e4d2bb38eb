package eu.municipia.resolutions.boundary;

import eu.municipia.platform.boundary.Shell;
import eu.municipia.resolutions.control.Register;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Days and times as the register's pages write them: "12. 3. 2026 14:10", "12 March 2026". */
@Named
@RequestScoped
public class When {

  @Inject Shell shell;

  public String day(Object value) {
    LocalDate day =
        value instanceof LocalDateTime t
            ? t.toLocalDate()
            : value instanceof Instant i
                ? i.atZone(Register.LOCAL_TIME).toLocalDate()
                : (LocalDate) value;
    return day == null ? "" : day.format(format(english() ? "d MMMM yyyy" : "d. M. yyyy"));
  }

  public String time(LocalDateTime value) {
    return value == null ? "" : value.format(format("H:mm"));
  }

  public String dayAndTime(Object value) {
    LocalDateTime moment =
        value instanceof Instant i
            ? i.atZone(Register.LOCAL_TIME).toLocalDateTime()
            : (LocalDateTime) value;
    return moment == null ? "" : day(moment) + " " + time(moment);
  }

  /** ISO form for the datetime attribute of a time element. */
  public String iso(Object value) {
    return value == null ? "" : value.toString();
  }

  private boolean english() {
    return "en".equals(shell.getLanguage());
  }

  private DateTimeFormatter format(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, shell.getLocale());
  }
}
