package eu.municipia.seminars.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs a page's reading in one transaction, so that what it shows (an event with its programme, a
 * registration with its people, loaded lazily) is read through the association's EntityManager and
 * made into view records before the transaction ends.
 */
@ApplicationScoped
@Transactional
public class InTransaction {

  public <T> T get(Supplier<T> work) {
    return work.get();
  }
}
