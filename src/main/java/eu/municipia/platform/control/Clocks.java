package eu.municipia.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock the application reads time from (UTC), one place to replace it. */
@ApplicationScoped
public class Clocks {

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
