package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.control.MapTiles;
import eu.municipia.seminars.control.Seminars;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;

/**
 * The page of one event (/{tenant}/seminars/event?id=…): what, when, where (with a map where the
 * venue has a point), the programme, places left, how to register, "add to calendar"; for admins
 * the links to manage it. Nothing personal is shown.
 */
@Named
@RequestScoped
public class SeminarPage {

  @Inject Seminars seminars;
  @Inject Shell shell;
  @Inject MapTiles tiles;
  @Inject HttpServletRequest request;
  @Inject Clock clock;
  @Inject InTransaction tx;

  private EventView event;

  /** Before the page is rendered: an unknown event is 404. */
  public void load() {
    if (getEvent() == null) {
      Pages.notFound();
    }
  }

  public EventView getEvent() {
    if (event == null) {
      event =
          tx.get(
              () ->
                  Pages.id("id")
                      .flatMap(seminars::find)
                      .map(
                          s ->
                              EventView.of(
                                  s, seminars.places(s), shell.getLocale(), clock.instant()))
                      .orElse(null));
    }
    return event;
  }

  public String getCalendarUrl() {
    return api("/seminars/" + event.id() + "/calendar.ics");
  }

  public String getTilesUrl() {
    return tiles.url().orElse("");
  }

  public String getTilesAttribution() {
    return tiles.attribution();
  }

  private String api(String path) {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + shell.tenant().map(t -> t.id()).orElse("")
        + path;
  }
}
