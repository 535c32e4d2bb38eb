package eu.municipia.audit.control;

import eu.municipia.audit.entity.AuditEntry;
import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes and reads the audit log, in the transaction of the change it records. */
@ApplicationScoped
public class AuditLog {

  // One Jsonb for the application: creating one per call costs a ServiceLoader lookup.
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject EntityManager em;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      Caller actor,
      String action,
      String targetType,
      String targetId,
      Map<String, Object> before,
      Map<String, Object> after) {
    em.persist(
        new AuditEntry(
            Instant.now(clock),
            actor.subject(),
            actor.displayName(),
            action,
            targetType,
            targetId,
            before == null ? null : JSON.toJson(before),
            after == null ? null : JSON.toJson(after)));
  }

  /** The log newest first, a page at a time. */
  @Transactional
  public Page<AuditEntry> latest(int offset, int limit) {
    List<AuditEntry> entries =
        em.createNamedQuery(AuditEntry.LATEST, AuditEntry.class)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    long total = em.createNamedQuery(AuditEntry.COUNT, Long.class).getSingleResult();
    return new Page<>(total, offset, limit, entries);
  }
}
