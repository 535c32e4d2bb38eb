package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.Pager;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Page;
import eu.municipia.seminars.control.Seminars;
import eu.municipia.seminars.entity.EventKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The association's events (/{tenant}/seminars): upcoming or past, filtered by topic and kind, a
 * GET form so every list is a link; the calendar feed to subscribe to. Also the next events for the
 * home page.
 */
@Named
@RequestScoped
public class SeminarListPage {

  private static final int PAGE_SIZE = 10;

  @Inject Seminars seminars;
  @Inject Shell shell;
  @Inject HttpServletRequest request;
  @Inject Clock clock;
  @Inject InTransaction tx;

  private Pager<EventView> pager;
  private Page<EventView> result;
  private List<EventView> next;

  /** "past" shows past events (latest first); anything else the upcoming ones. */
  public String getWhen() {
    return "past".equals(request.getParameter("when")) ? "past" : "upcoming";
  }

  public String getTopic() {
    String topic = request.getParameter("topic");
    return topic == null ? "" : topic.trim();
  }

  public String getKind() {
    String kind = request.getParameter("kind");
    return kind != null && Arrays.stream(EventKind.values()).anyMatch(k -> k.name().equals(kind))
        ? kind
        : "";
  }

  public Page<EventView> getResult() {
    if (result == null) {
      pager = Pager.of(request, PAGE_SIZE, "when", "topic", "kind");
      Seminars.When when = "past".equals(getWhen()) ? Seminars.When.PAST : Seminars.When.UPCOMING;
      EventKind kind = getKind().isEmpty() ? null : EventKind.valueOf(getKind());
      Locale locale = shell.getLocale();
      result =
          pager.load(
              (offset, limit) ->
                  tx.get(
                      () ->
                          seminars
                              .search(when, getTopic(), kind, offset, limit)
                              .map(
                                  s ->
                                      EventView.of(
                                          s, seminars.places(s), locale, clock.instant()))));
    }
    return result;
  }

  public Pager<EventView> getPager() {
    getResult();
    return pager;
  }

  public List<String> getTopics() {
    return seminars.topics();
  }

  public List<EventKind> getKinds() {
    return List.of(EventKind.values());
  }

  /** The next three events, for the home page. */
  public List<EventView> getNext() {
    if (next == null) {
      Locale locale = shell.getLocale();
      next =
          tx.get(
              () ->
                  seminars.next(3).stream()
                      .map(s -> EventView.of(s, seminars.places(s), locale, clock.instant()))
                      .toList());
    }
    return next;
  }

  /** The association's calendar feed (iCalendar), to subscribe to. */
  public String getFeedUrl() {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + shell.tenant().map(t -> t.id()).orElse("")
        + "/seminars/calendar.ics";
  }
}
