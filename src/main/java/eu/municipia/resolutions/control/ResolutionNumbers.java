package eu.municipia.resolutions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The next number of a body's resolutions in a year. One counter row per body and year, raised by
 * an upsert that holds the row's lock until the transaction ends: two admins recording at once get
 * consecutive numbers (the second waits for the first to commit), and a transaction that rolls back
 * gives its number back, so there are no gaps. A sequence would be faster and leave gaps.
 */
@ApplicationScoped
public class ResolutionNumbers {

  @Inject EntityManager em;

  /** Takes the next number; call it last in the use case, after every check that may refuse. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int next(UUID bodyId, int year) {
    Object last =
        em.createNativeQuery(
                "INSERT INTO resolution_counter (tenant_id, body_id, year, last)"
                    + " VALUES (current_setting('app.tenant_id'), CAST(?1 AS uuid), ?2, 1)"
                    + " ON CONFLICT (tenant_id, body_id, year)"
                    + " DO UPDATE SET last = resolution_counter.last + 1 RETURNING last")
            .setHint("eclipselink.jdbc.allow-native-sql-query", true)
            .setParameter(1, bodyId.toString())
            .setParameter(2, year)
            .getSingleResult();
    return ((Number) last).intValue();
  }
}
