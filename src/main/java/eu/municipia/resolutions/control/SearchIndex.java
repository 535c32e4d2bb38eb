package eu.municipia.resolutions.control;

import eu.municipia.platform.control.CzechText;
import eu.municipia.resolutions.entity.Outcome;
import eu.municipia.resolutions.entity.Resolution;
import eu.municipia.resolutions.entity.ResolutionType;
import eu.municipia.resolutions.entity.Task;
import eu.municipia.resolutions.entity.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The search table: one row per published resolution, rewritten in the transaction of every change
 * to it (publication, revision, tasks), and the searches on it.
 */
@ApplicationScoped
public class SearchIndex {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @Inject EntityManager em;

  /**
   * A resolution as a list shows it, read with the hit that found it: its tasks as the search table
   * has them (NONE, OPEN or DONE, and the earliest due day of the unfinished ones), and whether an
   * adopted, published resolution annuls it.
   */
  public record Hit(
      UUID id,
      String number,
      String title,
      String text,
      UUID bodyId,
      String bodyCs,
      String bodyEn,
      UUID meetingId,
      int meetingNumber,
      LocalDateTime votedAt,
      ResolutionType type,
      Outcome outcome,
      Visibility visibility,
      String tasks,
      LocalDate nextDue,
      boolean annulled) {

    /** Whether a task is unfinished after its due day. */
    public boolean overdueOn(LocalDate today) {
      return nextDue != null && nextDue.isBefore(today);
    }

    /** From a row of {@link RegisterQuery#page} or {@link RegisterQuery#listed}. */
    static Hit of(Object[] row) {
      return new Hit(
          UUID.fromString((String) row[0]),
          (String) row[1],
          (String) row[2],
          (String) row[3],
          UUID.fromString((String) row[4]),
          (String) row[5],
          (String) row[6],
          UUID.fromString((String) row[7]),
          ((Number) row[8]).intValue(),
          localDateTime(row[9]),
          ResolutionType.valueOf((String) row[10]),
          Outcome.valueOf((String) row[11]),
          Visibility.valueOf((String) row[12]),
          (String) row[13],
          localDate(row[14]),
          (Boolean) row[15]);
    }

    private static LocalDateTime localDateTime(Object value) {
      return value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    private static LocalDate localDate(Object value) {
      return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
  }

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
    if (query.mode() == RegisterQuery.Mode.TRIGRAM) {
      run(query.settings()).getSingleResult();
    }
    Hits hits = page(query, offset, limit);
    if (hits.total() == 0 && query.canRetryByTrigrams()) {
      query = query.byTrigrams();
      run(query.settings()).getSingleResult();
      hits = page(query, offset, limit);
    }
    return hits;
  }

  /** The given resolutions as a list shows them, in the given order. */
  @Transactional
  public List<Hit> listed(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Hit> byId = new HashMap<>();
    for (Object row : run(RegisterQuery.listed(ids)).getResultList()) {
      Hit hit = Hit.of((Object[]) row);
      byId.put(hit.id(), hit);
    }
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  private Hits page(RegisterQuery query, int offset, int limit) {
    List<Hit> hits = new ArrayList<>();
    long total = 0;
    for (Object row : run(query.page(offset, limit)).getResultList()) {
      Object[] r = (Object[]) row;
      hits.add(Hit.of(r));
      total = ((Number) r[r.length - 1]).longValue();
    }
    if (hits.isEmpty() && offset > 0) {
      total = ((Number) run(query.count()).getSingleResult()).longValue();
    }
    return new Hits(hits, total, total > 0 && query.mode() == RegisterQuery.Mode.TRIGRAM);
  }

  private Query run(RegisterQuery.Sql sql) {
    Query q = em.createNativeQuery(sql.text()).setHint(NATIVE, true);
    for (int i = 0; i < sql.parameters().size(); i++) {
      q.setParameter(i + 1, sql.parameters().get(i));
    }
    return q;
  }
}
