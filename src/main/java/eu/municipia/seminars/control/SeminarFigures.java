package eu.municipia.seminars.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figures for the association's admins, counted in the database (people, not registrations): per
 * event registered (confirmed), offered, waiting, cancelled and attended; per year the events held,
 * the people who attended and the municipalities reached. Erased people still count.
 */
@ApplicationScoped
@Transactional
public class SeminarFigures {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  private static final String PER_EVENT =
      "SELECT p.seminar_id,"
          + " count(*) FILTER (WHERE r.status = 'CONFIRMED' AND p.cancelled_at IS NULL),"
          + " count(*) FILTER (WHERE r.status = 'OFFERED' AND p.cancelled_at IS NULL),"
          + " count(*) FILTER (WHERE r.status = 'WAITING' AND p.cancelled_at IS NULL),"
          + " count(*) FILTER (WHERE r.status = 'CANCELLED' OR p.cancelled_at IS NOT NULL),"
          + " count(*) FILTER (WHERE p.checked_in_at IS NOT NULL)"
          + " FROM seminar_participant p"
          + " JOIN seminar_registration r ON r.tenant_id = p.tenant_id AND r.id = p.registration_id"
          + " WHERE r.status <> 'UNCONFIRMED' GROUP BY p.seminar_id";

  private static final String PER_YEAR =
      "SELECT y.year,"
          + " (SELECT count(*) FROM seminar s WHERE s.cancelled_at IS NULL AND s.ends_at < ?1"
          + "   AND extract(year FROM s.starts_at AT TIME ZONE 'Europe/Prague') = y.year),"
          + " (SELECT count(*) FROM seminar_participant p JOIN seminar s ON s.tenant_id = p.tenant_id"
          + "   AND s.id = p.seminar_id WHERE p.checked_in_at IS NOT NULL"
          + "   AND extract(year FROM s.starts_at AT TIME ZONE 'Europe/Prague') = y.year),"
          + " (SELECT count(DISTINCT r.code) FROM seminar_registration r"
          + "   JOIN seminar s ON s.tenant_id = r.tenant_id AND s.id = r.seminar_id"
          + "   WHERE r.code IS NOT NULL AND EXISTS (SELECT 1 FROM seminar_participant p"
          + "     WHERE p.tenant_id = r.tenant_id AND p.registration_id = r.id"
          + "     AND p.checked_in_at IS NOT NULL)"
          + "   AND extract(year FROM s.starts_at AT TIME ZONE 'Europe/Prague') = y.year)"
          + " FROM (SELECT DISTINCT extract(year FROM starts_at AT TIME ZONE 'Europe/Prague') AS year"
          + "   FROM seminar) y ORDER BY y.year DESC";

  /** The people of one event, by where they stand. */
  public record EventFigures(
      int registered, int offered, int waiting, int cancelled, int attended) {
    static final EventFigures NONE = new EventFigures(0, 0, 0, 0, 0);
  }

  /** A year: events held (ended, not cancelled), people who attended, municipalities reached. */
  public record YearFigures(int year, int held, int attended, int municipalities) {}

  @Inject EntityManager em;
  @Inject Clock clock;

  /** Every event's figures, by event; an event nobody registered for is absent. */
  public Map<UUID, EventFigures> perEvent() {
    Map<UUID, EventFigures> figures = new HashMap<>();
    for (Object row : em.createNativeQuery(PER_EVENT).setHint(NATIVE, true).getResultList()) {
      Object[] cells = (Object[]) row;
      figures.put(
          UUID.fromString(cells[0].toString()),
          new EventFigures(
              number(cells[1]),
              number(cells[2]),
              number(cells[3]),
              number(cells[4]),
              number(cells[5])));
    }
    return figures;
  }

  public EventFigures of(UUID seminar) {
    return perEvent().getOrDefault(seminar, EventFigures.NONE);
  }

  public List<YearFigures> perYear() {
    List<?> rows =
        em.createNativeQuery(PER_YEAR)
            .setHint(NATIVE, true)
            .setParameter(1, java.sql.Timestamp.from(clock.instant()))
            .getResultList();
    return rows.stream()
        .map(row -> (Object[]) row)
        .map(
            cells ->
                new YearFigures(
                    number(cells[0]), number(cells[1]), number(cells[2]), number(cells[3])))
        .toList();
  }

  private static int number(Object cell) {
    return ((Number) cell).intValue();
  }
}
