package eu.municipia.platform.boundary;

import eu.municipia.platform.control.WaitingWork;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admin overview ({@code /{tenant}/admin}): what waits for the caller, one line per {@link
 * WaitingWork} of every feature that the caller's roles may act on, with a link to the page where
 * it is done. A line whose count fails is shown without a count rather than breaking the page.
 */
@Named
@RequestScoped
public class AdminOverviewPage {

  private static final Logger LOG = Logger.getLogger(AdminOverviewPage.class.getName());

  @Inject @Any Instance<WaitingWork> work;
  @Inject Shell shell;

  private List<Line> lines;

  /**
   * One line: its title (a link to the page), what waits (with the count), the count (-1 when it
   * could not be read).
   */
  public record Line(String title, String text, String url, long count) {
    public boolean isWaiting() {
      return count > 0;
    }
  }

  public List<Line> getLines() {
    if (lines == null) {
      lines =
          work.stream()
              .filter(w -> w.audience().stream().anyMatch(shell::hasRole))
              .sorted(Comparator.comparingInt(WaitingWork::order))
              .map(this::line)
              .toList();
    }
    return lines;
  }

  private Line line(WaitingWork w) {
    long count;
    try {
      count = w.count();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Overview line " + w.labelKey() + " could not be counted", e);
      count = -1;
    }
    String text =
        count < 0 ? FormMessages.text("overview.unknown") : FormMessages.text(w.labelKey(), count);
    return new Line(FormMessages.text(w.titleKey()), text, shell.url(w.page()), count);
  }
}
