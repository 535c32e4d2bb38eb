package eu.municipia.platform.control;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A failure and what caused it, as the places that tell failures apart read them. */
public final class Causes {

  private Causes() {}

  /**
   * Whether the failure or any of its causes passes the test. Each is looked at once, even in a
   * chain that loops (a wrapper whose getCause answers an exception that wraps it again).
   */
  public static boolean any(Throwable failure, Predicate<Throwable> test) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }
}
