package eu.municipia.platform.control;

import java.util.Set;

/**
 * One line of the admin overview ({@code /{tenant}/admin}): something that waits for the
 * association's people, such as applications to decide or articles in review. Each feature adds its
 * lines as {@code @ApplicationScoped} beans implementing this interface; the overview finds every
 * bean and shows those whose audience the caller belongs to, with their counts.
 */
public interface WaitingWork {

  /** The roles (any of them) who see the line, e.g. {@code Set.of(Role.ADMIN)}. */
  Set<String> audience();

  /** Where the line stands on the overview (lower first). */
  int order();

  /** The message key of the line's title, which links to {@link #page()}: "Applications". */
  String titleKey();

  /**
   * The message key of what waits, with {0} for the count (choice format for Czech plurals): "{0}
   * applications to decide".
   */
  String labelKey();

  /** The page within the association where the work is done, e.g. "/admin/applications". */
  String page();

  /** How many wait now in the current association; runs in a transaction of its own. */
  long count();
}
