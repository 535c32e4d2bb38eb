package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.Shell;
import eu.municipia.seminars.control.SeminarFigures;
import eu.municipia.seminars.control.Seminars;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin's events (/{tenant}/admin/seminars): every event with its figures (registered, offered,
 * waiting, cancelled, attended) and links to manage it; per year the events held, the people who
 * attended and the municipalities reached.
 */
@Named
@RequestScoped
public class AdminSeminarsPage {

  @Inject Seminars seminars;
  @Inject SeminarFigures figures;
  @Inject Shell shell;
  @Inject Clock clock;
  @Inject InTransaction tx;

  /** An event and its figures. */
  public record Row(EventView event, SeminarFigures.EventFigures figures, boolean past) {}

  private List<Row> rows;
  private List<SeminarFigures.YearFigures> years;

  public List<Row> getRows() {
    if (rows == null) {
      rows =
          tx.get(
              () -> {
                Map<UUID, SeminarFigures.EventFigures> byEvent = figures.perEvent();
                return seminars.all().stream()
                    .map(
                        s ->
                            new Row(
                                EventView.of(
                                    s, seminars.places(s), shell.getLocale(), clock.instant()),
                                byEvent.getOrDefault(
                                    s.id(), new SeminarFigures.EventFigures(0, 0, 0, 0, 0)),
                                s.hasEnded(clock.instant())))
                    .toList();
              });
    }
    return rows;
  }

  public List<SeminarFigures.YearFigures> getYears() {
    if (years == null) {
      years = figures.perYear();
    }
    return years;
  }
}
