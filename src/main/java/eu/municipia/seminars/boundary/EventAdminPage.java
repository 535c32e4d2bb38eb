package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.Shell;
import eu.municipia.seminars.control.Seminars;
import eu.municipia.seminars.entity.Seminar;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * An admin's page of one event (?id=… in the link, and in its forms): the event and what the page
 * lists about it, read in one transaction, again after each change; an unknown event is 404.
 */
public abstract class EventAdminPage {

  @Inject Seminars seminars;
  @Inject Shell shell;
  @Inject Clock clock;
  @Inject InTransaction tx;

  private EventView event;
  private boolean read;

  /** Before the page is rendered: an unknown event is 404. */
  public void load() {
    if (getEvent() == null) {
      Pages.notFound();
    }
  }

  /** Reads what the page lists about the event (inside the transaction). */
  protected abstract void list(Seminar seminar);

  protected void read() {
    if (read) {
      return;
    }
    read = true;
    Pages.id("id")
        .ifPresent(
            id ->
                tx.get(
                    () -> {
                      seminars
                          .find(id)
                          .ifPresent(
                              s -> {
                                event =
                                    EventView.of(
                                        s, seminars.places(s), shell.getLocale(), clock.instant());
                                list(s);
                              });
                      return null;
                    }));
  }

  /** Reads again after a change. */
  protected void reread() {
    read = false;
    read();
  }

  public EventView getEvent() {
    read();
    return event;
  }
}
