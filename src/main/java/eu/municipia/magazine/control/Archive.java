package eu.municipia.magazine.control;

import eu.municipia.magazine.entity.ArticleHtml;
import eu.municipia.magazine.entity.Audience;
import eu.municipia.magazine.entity.Topic;
import eu.municipia.platform.entity.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The public archive of an association: its published articles a reader may read (members-only ones
 * for its members) and, for a union, the articles its associations share with it, newest first. The
 * search ignores case and accents ("cyklostezka" finds "Cyklostezka", "cila" finds "Čilá"); filters
 * by topic, member municipality and year. One SQL over both sources, so paging counts them
 * together; row-level security keeps it to what the association may see.
 */
@ApplicationScoped
@Transactional
public class Archive {

  /** The magazine's days and years are those of the Czech Republic. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Prague");

  private static final int MAX_WORDS = 8;

  private static final String SOURCES =
      "SELECT a.tenant_id AS source, a.slug, a.title, a.title_en, a.perex, a.lead_image_id,"
          + " a.lead_image_alt, a.published_at, a.revised_at, a.topics, a.audience,"
          + " a.search_text, a.municipalities"
          + " FROM magazine_article a WHERE a.status = 'PUBLISHED'"
          + " AND (a.audience = 'PUBLIC' OR ?1 = TRUE)"
          + " UNION ALL"
          + " SELECT s.tenant_id, s.slug, s.title, s.title_en, s.perex, s.lead_image_id,"
          + " s.lead_image_alt, s.published_at, s.revised_at, s.topics, 'PUBLIC',"
          + " s.search_text, ','"
          + " FROM magazine_shared_article s"
          + " WHERE s.union_id = current_setting('app.tenant_id', true)";

  /** What a reader asks the archive for; every part may be empty. */
  public record Filter(String query, Topic topic, String municipality, Integer year) {

    public static final Filter NONE = new Filter(null, null, null, null);

    List<String> words() {
      String plain = ArticleHtml.searchable(query);
      return plain.isEmpty()
          ? List.of()
          : Arrays.stream(plain.split(" ")).distinct().limit(MAX_WORDS).toList();
    }
  }

  /** One article in the archive's list: the association's own, or one shared with its union. */
  public record Item(
      String source,
      String slug,
      String title,
      String titleEn,
      String perex,
      UUID leadImageId,
      String leadImageAlt,
      Instant publishedAt,
      Instant revisedAt,
      Set<Topic> topics,
      Audience audience,
      boolean shared) {}

  /** A shared article as the union reads it: the association's copy, read-only. */
  public record SharedArticle(
      String source,
      String sourceNameCs,
      String sourceNameEn,
      String slug,
      String title,
      String titleEn,
      String perex,
      String body,
      Set<Topic> topics,
      UUID leadImageId,
      String leadImageAlt,
      Instant publishedAt,
      Instant revisedAt) {}

  @Inject EntityManager em;
  @Inject eu.municipia.tenancy.control.TenantContext tenants;

  public Page<Item> search(Filter filter, Reader reader, int offset, int limit) {
    List<Object> parameters = new ArrayList<>();
    parameters.add(reader.member() || reader.editor());
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    for (String word : filter.words()) {
      parameters.add("%" + word + "%");
      where.append(" AND x.search_text LIKE ?").append(parameters.size());
    }
    if (filter.topic() != null) {
      parameters.add("%," + filter.topic().name() + ",%");
      where.append(" AND x.topics LIKE ?").append(parameters.size());
    }
    if (filter.municipality() != null && filter.municipality().matches("[0-9]{6}")) {
      parameters.add("%," + filter.municipality() + ",%");
      where.append(" AND x.municipalities LIKE ?").append(parameters.size());
    }
    if (filter.year() != null) {
      parameters.add(startOf(filter.year()));
      where.append(" AND x.published_at >= ?").append(parameters.size());
      parameters.add(startOf(filter.year() + 1));
      where.append(" AND x.published_at < ?").append(parameters.size());
    }
    String from = " FROM (" + SOURCES + ") x" + where;
    long total =
        ((Number) query("SELECT count(*)" + from, parameters).getSingleResult()).longValue();
    List<?> rows =
        query(
                "SELECT x.source, x.slug, x.title, x.title_en, x.perex, x.lead_image_id,"
                    + " x.lead_image_alt, x.published_at, x.revised_at, x.topics, x.audience"
                    + from
                    + " ORDER BY x.published_at DESC, x.slug LIMIT "
                    + limit
                    + " OFFSET "
                    + offset,
                parameters)
            .getResultList();
    String own = tenants.current().id();
    List<Item> items =
        rows.stream()
            .map(r -> (Object[]) r)
            .map(
                r ->
                    new Item(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        uuid(r[5]),
                        (String) r[6],
                        instant(r[7]),
                        instant(r[8]),
                        topics((String) r[9]),
                        Audience.valueOf((String) r[10]),
                        !own.equals(r[0])))
            .toList();
    return new Page<>(total, offset, limit, items);
  }

  /** The union's copy of an article an association shared with it. */
  public Optional<SharedArticle> shared(String source, String slug) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT tenant_id, source_name_cs, source_name_en, slug, title, title_en, perex,"
                    + " body, topics, lead_image_id, lead_image_alt, published_at, revised_at"
                    + " FROM magazine_shared_article"
                    + " WHERE union_id = current_setting('app.tenant_id', true)"
                    + " AND tenant_id = ?1 AND slug = ?2")
            .setHint(SharedArticles.NATIVE, true)
            .setParameter(1, source)
            .setParameter(2, slug)
            .getResultList();
    return rows.stream()
        .map(r -> (Object[]) r)
        .map(
            r ->
                new SharedArticle(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    topics((String) r[8]),
                    uuid(r[9]),
                    (String) r[10],
                    instant(r[11]),
                    instant(r[12])))
        .findFirst();
  }

  /** The years in which the reader's articles came out, newest first. */
  public List<Integer> years(Reader reader) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT DISTINCT CAST(EXTRACT(YEAR FROM x.published_at AT TIME ZONE 'Europe/Prague')"
                    + " AS integer) FROM ("
                    + SOURCES
                    + ") x ORDER BY 1 DESC")
            .setHint(SharedArticles.NATIVE, true)
            .setParameter(1, reader.member() || reader.editor())
            .getResultList();
    return rows.stream().map(r -> ((Number) r).intValue()).toList();
  }

  /** The member municipalities (codes) that the reader's articles are about. */
  public Set<String> municipalities(Reader reader) {
    List<?> rows =
        em.createNativeQuery("SELECT DISTINCT x.municipalities FROM (" + SOURCES + ") x")
            .setHint(SharedArticles.NATIVE, true)
            .setParameter(1, reader.member() || reader.editor())
            .getResultList();
    Set<String> codes = new TreeSet<>();
    rows.forEach(
        r -> Arrays.stream(r.toString().split(",")).filter(c -> !c.isEmpty()).forEach(codes::add));
    return codes;
  }

  private Query query(String sql, List<Object> parameters) {
    Query query = em.createNativeQuery(sql).setHint(SharedArticles.NATIVE, true);
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    return query;
  }

  private static Timestamp startOf(int year) {
    return Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant());
  }

  static Set<Topic> topics(String list) {
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    Arrays.stream(list.split(",")).forEach(name -> Topic.parse(name).ifPresent(topics::add));
    return topics;
  }

  private static UUID uuid(Object value) {
    return value == null ? null : UUID.fromString(value.toString());
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : null;
  }
}
