package eu.municipia.platform.control;

import eu.municipia.identity.entity.Caller;
import java.util.Set;

/**
 * Demo data of one feature for one association, for a newcomer's first look (only with {@code
 * app.demo-data=true}). {@link DemoData} runs every seed once at start-up, in {@link #order()},
 * inside the association's context; a seed adds its data only where there is none yet, through the
 * feature's own use cases, so the audit log shows it like any admin's work.
 */
public interface DemoSeed {

  /** Who the demo data is audited as. */
  Caller DEMO =
      new Caller("demo-data", "demo-data", "demo-data", "Demo data", null, Set.of(), false);

  /** The association (slug) whose data this is. */
  String tenant();

  /** Seeds with a lower order run first (members before their dues). */
  int order();

  /**
   * Adds the demo data unless the association has some already. Answers what it did, for the log.
   */
  String seedIfEmpty();
}
