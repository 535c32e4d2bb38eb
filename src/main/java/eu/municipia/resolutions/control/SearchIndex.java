package eu.municipia.resolutions.control;

import eu.municipia.platform.control.CzechText;
import eu.municipia.resolutions.entity.Resolution;
import eu.municipia.resolutions.entity.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The search table: one row per published resolution, rewritten in the transaction of every change
 * to it (publication, revision, tasks), and the searches on it.
 */
@ApplicationScoped
public class SearchIndex {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @Inject EntityManager em;

  /** A hit: which resolution, how well it matched. */
  public record Hit(UUID id, double rank) {}

  /** A page of hits, the count of all, and whether they are approximate (trigram) matches. */
  public record Hits(List<Hit> hits, long total, boolean approximate) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public void update(Resolution r) {
    List<Task> tasks =
        em.createNamedQuery(Task.OF_RESOLUTION, Task.class)
            .setParameter("resolution", r.id())
            .getResultList();
    String title = r.number() + " " + r.title();
    LocalDate nextDue = Task.nextDue(tasks);
    em.createNativeQuery(
            "INSERT INTO resolution_search (tenant_id, resolution_id, visibility, body_id, year,"
                + " outcome, task_state, next_due, voted_at, document, folded)"
                + " VALUES (current_setting('app.tenant_id'), CAST(?1 AS uuid), ?2,"
                + " CAST(?3 AS uuid), ?4, ?5, ?6, CAST(?7 AS date), CAST(?8 AS timestamp),"
                + " CAST(?9 AS tsvector), ?10)"
                + " ON CONFLICT (tenant_id, resolution_id) DO UPDATE SET"
                + " visibility = EXCLUDED.visibility, body_id = EXCLUDED.body_id,"
                + " year = EXCLUDED.year, outcome = EXCLUDED.outcome,"
                + " task_state = EXCLUDED.task_state, next_due = EXCLUDED.next_due,"
                + " voted_at = EXCLUDED.voted_at, document = EXCLUDED.document,"
                + " folded = EXCLUDED.folded")
        .setHint(NATIVE, true)
        .setParameter(1, r.id().toString())
        .setParameter(2, r.visibility().name())
        .setParameter(3, r.bodyId().toString())
        .setParameter(4, r.year())
        .setParameter(5, r.outcome().name())
        .setParameter(6, Task.summary(tasks))
        .setParameter(7, nextDue == null ? null : nextDue.toString())
        .setParameter(8, r.votedAt().toString())
        .setParameter(9, CzechText.tsvector(title, r.text()))
        .setParameter(10, CzechText.fold(title + " " + r.text()))
        .executeUpdate();
  }

  /**
   * One page of the register's hits for a reader, with their count. Words that the full text finds
   * nowhere are tried again by trigrams (a typo, a part of a word): then the hits are approximate.
   */
  @Transactional
  public Hits search(
      RegisterFilter filter, boolean member, LocalDate today, int offset, int limit) {
    RegisterQuery query = RegisterQuery.of(filter, member, today);
    long total = query.mode() == RegisterQuery.Mode.TRIGRAM ? 0 : count(query);
    if (total == 0 && query.canRetryByTrigrams()) {
      query = query.byTrigrams();
    }
    if (query.mode() == RegisterQuery.Mode.TRIGRAM) {
      run(query.settings()).getSingleResult();
      total = count(query);
    }
    List<Hit> hits = new ArrayList<>();
    if (total > 0) {
      for (Object row : run(query.page(offset, limit)).getResultList()) {
        Object[] r = (Object[]) row;
        hits.add(new Hit(UUID.fromString((String) r[0]), ((Number) r[1]).doubleValue()));
      }
    }
    return new Hits(hits, total, total > 0 && query.mode() == RegisterQuery.Mode.TRIGRAM);
  }

  private long count(RegisterQuery query) {
    return ((Number) run(query.count()).getSingleResult()).longValue();
  }

  private Query run(RegisterQuery.Sql sql) {
    Query q = em.createNativeQuery(sql.text()).setHint(NATIVE, true);
    for (int i = 0; i < sql.parameters().size(); i++) {
      q.setParameter(i + 1, sql.parameters().get(i));
    }
    return q;
  }
}
