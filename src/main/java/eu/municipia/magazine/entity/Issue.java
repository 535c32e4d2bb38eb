package eu.municipia.magazine.entity;

import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A numbered issue of the magazine (2026/3): published articles in the editor's order. Publishing
 * it (once) is what sends it as the newsletter; a published issue keeps its articles.
 */
@Entity
@Table(name = "magazine_issue")
@NamedQuery(
    name = Issue.BY_NUMBER,
    query = "SELECT i FROM Issue i WHERE i.year = :year AND i.number = :number")
@NamedQuery(name = Issue.ALL, query = "SELECT i FROM Issue i ORDER BY i.year DESC, i.number DESC")
@NamedQuery(
    name = Issue.PUBLISHED,
    query =
        "SELECT i FROM Issue i WHERE i.status = 'PUBLISHED' ORDER BY i.year DESC, i.number DESC")
public class Issue extends TenantOwned {

  public static final String BY_NUMBER = "Issue.byNumber";
  public static final String ALL = "Issue.all";
  public static final String PUBLISHED = "Issue.published";

  private static final Pattern NUMBER = Pattern.compile("\\s*(\\d{4})\\s*/\\s*(\\d{1,3})\\s*");

  /** An issue's number as people write it: "2026/3". */
  public record Number(int year, int number) {

    public Number {
      if (year < 2000 || year > 2100 || number < 1 || number > 999) {
        throw Refusal.invalid("number", "issue.error.number");
      }
    }

    public static Number parse(String text) {
      Matcher m = NUMBER.matcher(text == null ? "" : text);
      if (!m.matches()) {
        throw Refusal.invalid("number", "issue.error.number");
      }
      return new Number(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
      return year + "/" + number;
    }
  }

  @Id private UUID id;

  @Column(nullable = false)
  private int year;

  @Column(nullable = false)
  private int number;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String articles;

  @Column(nullable = false)
  private String status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Version private int version;

  protected Issue() {}

  public Issue(Number number, String title, Instant now) {
    this.id = UUID.randomUUID();
    this.year = number.year();
    this.number = number.number();
    this.title = requireTitle(title);
    this.articles = "";
    this.status = "DRAFT";
    this.createdAt = now;
  }

  /** Its title and articles in order (ids of published articles, checked by the caller). */
  public void arrange(String title, List<UUID> articleIds) {
    if (isPublished()) {
      throw Refusal.conflict(
          "A published issue does not change.", "articles", "issue.error.published");
    }
    this.title = requireTitle(title);
    this.articles =
        new LinkedHashSet<>(articleIds)
            .stream().map(UUID::toString).collect(Collectors.joining(","));
  }

  /** Publishes it, once, with at least one article. */
  public void publish(Instant now) {
    if (isPublished()) {
      throw Refusal.conflict("The issue is published already.", "issue", "issue.error.published");
    }
    if (articleIds().isEmpty()) {
      throw Refusal.conflict("An issue needs an article.", "articles", "issue.error.empty");
    }
    status = "PUBLISHED";
    publishedAt = now;
  }

  private static String requireTitle(String title) {
    if (title == null || title.isBlank() || title.trim().length() > 200) {
      throw Refusal.invalid("title", "issue.error.title");
    }
    return title.trim();
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("number", number().toString());
    state.put("title", title);
    state.put("articles", articleIds().stream().map(UUID::toString).toList());
    state.put("status", status);
    return state;
  }

  public UUID id() {
    return id;
  }

  public Number number() {
    return new Number(year, number);
  }

  public String title() {
    return title;
  }

  public List<UUID> articleIds() {
    return articles.isEmpty()
        ? List.of()
        : Arrays.stream(articles.split(",")).map(UUID::fromString).toList();
  }

  public boolean isPublished() {
    return "PUBLISHED".equals(status);
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public int version() {
    return version;
  }

  public boolean sameAs(Issue other) {
    return other != null && Objects.equals(id, other.id);
  }
}
