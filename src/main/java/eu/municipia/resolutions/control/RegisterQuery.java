package eu.municipia.resolutions.control;

import eu.municipia.platform.control.CzechText;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The SQL of a search of the register: the words as a full-text query of their Czech stems ({@link
 * CzechText}) or, for typos and parts of words, by trigram similarity of their accent-free
 * spelling; the filters; and what the reader may see (public only, or members' too), all decided on
 * the search table alone. Row-level security adds the association. One statement answers a page:
 * its hits, what a list shows of each (joined for those few rows only), and the count of all hits
 * from the same conditions, so the count never includes what the page would not show. Each round
 * trip to the database costs a request more than the SQL itself on a busy machine, which is why it
 * is one; a separate count is only for a page past the last hit. The benchmark runs the very same
 * SQL alone.
 */
public final class RegisterQuery {

  /** A statement with its positional parameters ?1, ?2, … each used once, in order. */
  public record Sql(String text, List<Object> parameters) {

    /** The same for plain JDBC, whose placeholders are bare question marks. */
    public String jdbcText() {
      return text.replaceAll("\\?\\d+", "?");
    }
  }

  /** How the words are matched. */
  public enum Mode {
    ALL,
    FULL_TEXT,
    TRIGRAM
  }

  private final RegisterFilter filter;
  private final boolean member;
  private final LocalDate today;
  private final Mode mode;
  private final String tsquery;
  private final List<String> folded;

  private RegisterQuery(RegisterFilter filter, boolean member, LocalDate today, Mode mode) {
    this.filter = filter;
    this.member = member;
    this.today = today;
    this.mode = mode;
    this.tsquery = CzechText.tsquery(filter.query()).orElse(null);
    this.folded = CzechText.foldedWords(filter.query());
  }

  /** The full-text search where the words give one (the first try), else trigrams, else all. */
  public static RegisterQuery of(RegisterFilter filter, boolean member, LocalDate today) {
    if (!filter.hasQuery()) {
      return new RegisterQuery(filter, member, today, Mode.ALL);
    }
    RegisterQuery fullText = new RegisterQuery(filter, member, today, Mode.FULL_TEXT);
    return fullText.tsquery != null ? fullText : fullText.byTrigrams();
  }

  /** The same search by trigram similarity (for when the full text found nothing). */
  public RegisterQuery byTrigrams() {
    return new RegisterQuery(filter, member, today, folded.isEmpty() ? Mode.ALL : Mode.TRIGRAM);
  }

  public Mode mode() {
    return mode;
  }

  /**
   * Whether a search that finds nothing should be tried again by trigrams: not where it asks for a
   * phrase, whose words in that order are what the reader wants.
   */
  public boolean canRetryByTrigrams() {
    return mode == Mode.FULL_TEXT && !folded.isEmpty() && !filter.query().contains("\"");
  }

  /**
   * The trigram matching's threshold, set for the transaction before a search by trigrams: pg_trgm
   * compares a word with the best stretch of the text (trigrams in common over trigrams in either),
   * and its default of 0.6 misses a word with one letter left out ("rozpcet" has 0.55 with
   * "rozpocet"); 0.5 takes such typos and parts of words and still nothing unrelated.
   */
  public static final String WORD_SIMILARITY = "0.5";

  /** What a search by trigrams sets first, in its transaction. */
  public Sql settings() {
    return new Sql(
        "SELECT set_config('pg_trgm.word_similarity_threshold', ?1, true)",
        List.of(WORD_SIMILARITY));
  }

  /**
   * One page of hits, best first, then newest: the {@link #columns} columns of each, and the count
   * of all hits in every row (no row where the page is past the last hit).
   */
  public Sql page(int offset, int limit) {
    List<Object> parameters = new ArrayList<>();
    String rank =
        switch (mode) {
          case FULL_TEXT -> {
            parameters.add(tsquery);
            yield "ts_rank(s.document, " + tsqueryParameter(parameters.size()) + ")";
          }
          case TRIGRAM -> {
            StringJoiner sum = new StringJoiner(" + ");
            for (String word : folded) {
              parameters.add(word);
              sum.add("word_similarity(?" + parameters.size() + ", s.folded)");
            }
            yield sum.toString();
          }
          case ALL -> "0";
        };
    String where = where(parameters);
    parameters.add(limit);
    int limitAt = parameters.size();
    parameters.add(offset);
    // The window counts every hit before the limit: the sort by rank reads them all anyway.
    return new Sql(
        "WITH hit AS (SELECT s.tenant_id, s.resolution_id, "
            + rank
            + " AS rank, s.voted_at, s.task_state, s.next_due, count(*) OVER () AS total"
            + " FROM resolution_search s WHERE "
            + where
            + " ORDER BY rank DESC, s.voted_at DESC, s.resolution_id LIMIT ?"
            + limitAt
            + " OFFSET ?"
            + parameters.size()
            + ") "
            + columns("s.total")
            + " FROM hit s "
            + LISTED_JOINS
            + " ORDER BY s.rank DESC, s.voted_at DESC, s.resolution_id",
        parameters);
  }

  /**
   * What a list shows of a resolution, in this order: id, number, title, text, body id, its Czech
   * and English names, meeting id, its number, when voted, type, outcome, visibility, the state of
   * its tasks and the earliest due day of the unfinished ones (as the search table has them, the
   * same that the tasks filter reads), whether an adopted and published resolution annuls it; and
   * last {@code total}. Reads {@code s} (the search table's columns) and joins the resolution, its
   * body and its meeting ({@link #LISTED_JOINS}).
   */
  private static String columns(String total) {
    return "SELECT CAST(s.resolution_id AS text), r.number, r.title, r.text, CAST(r.body_id AS text),"
        + " b.name_cs, b.name_en, CAST(r.meeting_id AS text), m.number, r.voted_at, r.type,"
        + " r.outcome, r.visibility, s.task_state, s.next_due, EXISTS (SELECT 1 FROM resolution a"
        + " WHERE a.tenant_id = r.tenant_id AND a.changes_id = r.id AND a.change_kind = 'ANNULS'"
        + " AND a.outcome = 'ADOPTED' AND a.published_at IS NOT NULL) AS annulled, "
        + total;
  }

  private static final String LISTED_JOINS =
      "JOIN resolution r ON r.tenant_id = s.tenant_id AND r.id = s.resolution_id"
          + " JOIN governing_body b ON b.tenant_id = r.tenant_id AND b.id = r.body_id"
          + " JOIN meeting m ON m.tenant_id = r.tenant_id AND m.id = r.meeting_id";

  /**
   * The {@link #columns} columns of the given resolutions (a meeting's), whatever the reader may
   * see of them: the caller has chosen them. Without a count (the last column is null).
   */
  public static Sql listed(List<UUID> ids) {
    return new Sql(
        columns("CAST(NULL AS bigint)")
            + " FROM resolution_search s "
            + LISTED_JOINS
            + " WHERE s.resolution_id = ANY (CAST(?1 AS uuid[]))",
        List.of(ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"))));
  }

  /** How many hits there are in all (for a page past the last hit, which cannot say). */
  public Sql count() {
    List<Object> parameters = new ArrayList<>();
    return new Sql(
        "SELECT count(*) FROM resolution_search s WHERE " + where(parameters), parameters);
  }

  private String where(List<Object> parameters) {
    StringJoiner where = new StringJoiner(" AND ");
    // Literals, not parameters: the planner sees the visibility, and nothing a reader sends.
    where.add(member ? "s.visibility IN ('PUBLIC', 'MEMBERS')" : "s.visibility = 'PUBLIC'");
    if (mode == Mode.FULL_TEXT) {
      parameters.add(tsquery);
      where.add("s.document @@ " + tsqueryParameter(parameters.size()));
    } else if (mode == Mode.TRIGRAM) {
      for (String word : folded) {
        parameters.add(word);
        where.add("?" + parameters.size() + " <% s.folded");
      }
    }
    if (filter.bodyId() != null) {
      parameters.add(filter.bodyId().toString());
      where.add("s.body_id = CAST(?" + parameters.size() + " AS uuid)");
    }
    if (filter.year() != null) {
      parameters.add(filter.year());
      where.add("s.year = ?" + parameters.size());
    }
    if (filter.outcome() != null) {
      parameters.add(filter.outcome().name());
      where.add("s.outcome = ?" + parameters.size());
    }
    if (filter.tasks() != null) {
      switch (filter.tasks()) {
        case "open" -> where.add("s.task_state = 'OPEN'");
        case "done" -> where.add("s.task_state = 'DONE'");
        case "none" -> where.add("s.task_state = 'NONE'");
        default -> {
          parameters.add(Date.valueOf(today));
          where.add("s.task_state = 'OPEN' AND s.next_due < ?" + parameters.size());
        }
      }
    }
    return where.toString();
  }

  /**
   * The query's tsquery, parsed once per statement. The JDBC driver sends the literal as text, and
   * PostgreSQL runs a statement the app repeats by a generic plan after five runs, where a plain
   * {@code CAST(? AS tsquery)} is parsed again for every row it is compared with: measured on 3,334
   * resolutions, the page took 6.1 ms so and 3.6 ms with the cast in a subquery (an InitPlan, run
   * once).
   */
  private static String tsqueryParameter(int position) {
    return "(SELECT CAST(?" + position + " AS tsquery))";
  }

  public Optional<String> tsquery() {
    return Optional.ofNullable(tsquery);
  }

  public List<String> foldedWords() {
    return folded;
  }
}
