package eu.municipia.magazine.entity;

import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.NullableUuidConverter;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.platform.entity.SecretTokens;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.Convert;

/**
 * An article of the magazine and its workflow: a draft goes to review, from review it is published
 * or scheduled (or sent back), a published one is archived (and may be published again). The
 * article guards its own invariants: its text is always sanitized HTML, a move its status does not
 * allow is refused, a lead image has a text alternative, an article edited after publication says
 * so ({@link #revisedAt()}), and only public articles are shared with the union.
 */
@Entity
@Table(name = "magazine_article")
@NamedQuery(name = Article.BY_SLUG, query = "SELECT a FROM Article a WHERE a.slug = :slug")
@NamedQuery(
    name = Article.BY_PREVIEW,
    query = "SELECT a FROM Article a WHERE a.previewToken = :token")
@NamedQuery(name = Article.ALL, query = "SELECT a FROM Article a ORDER BY a.createdAt DESC, a.id")
@NamedQuery(
    name = Article.COUNT_IN,
    query = "SELECT COUNT(a) FROM Article a WHERE a.status = :status")
public class Article extends TenantOwned {

  public static final String BY_SLUG = "Article.bySlug";
  public static final String BY_PREVIEW = "Article.byPreview";
  public static final String ALL = "Article.all";
  public static final String COUNT_IN = "Article.countIn";

  private static final int SLUG_MAX = 80;

  @Id private UUID id;

  @Column(nullable = false)
  private String slug;

  @Column(nullable = false)
  private String title;

  @Column(name = "title_en")
  private String titleEn;

  @Column(nullable = false)
  private String perex;

  @Column(nullable = false)
  private String body;

  @Column(nullable = false)
  private String topics;

  @Column(nullable = false)
  private String municipalities;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Audience audience;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ArticleStatus status;

  @Column(name = "lead_image_id")
  @Convert(NullableUuidConverter.NAME)
  private UUID leadImageId;

  @Column(name = "lead_image_alt")
  private String leadImageAlt;

  @Column(name = "contact_code")
  private String contactCode;

  @Column(name = "contact_official_id")
  @Convert(NullableUuidConverter.NAME)
  private UUID contactOfficialId;

  @Column(name = "shared_with_union", nullable = false)
  private boolean sharedWithUnion;

  @Column(name = "preview_token", nullable = false)
  private String previewToken;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_by_name")
  private String createdByName;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Column(name = "scheduled_for")
  private Instant scheduledFor;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "revised_at")
  private Instant revisedAt;

  @Column(name = "archived_at")
  private Instant archivedAt;

  @Column(name = "search_text", nullable = false)
  private String searchText;

  @Version private int version;

  protected Article() {}

  /** A new draft by its author, at the given address (see {@link #slugOf}). */
  public static Article draft(ArticleForm form, String slug, Caller author, Instant now) {
    Article article = new Article();
    article.id = UUID.randomUUID();
    article.slug = Objects.requireNonNull(slug, "slug is required");
    article.status = ArticleStatus.DRAFT;
    article.previewToken = SecretTokens.newToken();
    article.createdAt = now;
    article.createdBy = author.subject();
    article.createdByName = author.displayName();
    article.take(form);
    return article;
  }

  /**
   * Takes the editor's changes. The editor saw the given version; if someone saved since, the
   * change is refused (409) rather than overwriting theirs. A published article keeps the time of
   * the change, which its page shows.
   */
  public void edit(ArticleForm form, int seenVersion, Instant now) {
    if (seenVersion != version) {
      throw Refusal.conflict(
          "The article was changed by someone else; reload it.", "version", "article.error.stale");
    }
    take(form);
    if (status == ArticleStatus.PUBLISHED) {
      revisedAt = now;
    }
  }

  private void take(ArticleForm form) {
    form.requireValid();
    if (leadImageId != null && form.leadImageAlt() == null) {
      throw Refusal.invalid("leadImageAlt", "article.error.alt");
    }
    title = form.title();
    titleEn = form.titleEn();
    perex = form.perex();
    body = ArticleHtml.sanitize(form.body());
    topics = list(form.topics().stream().sorted().map(Topic::name).toList());
    municipalities = list(form.municipalities());
    audience = form.audience();
    contactCode = form.contactCode();
    contactOfficialId = form.contactOfficialId();
    sharedWithUnion = form.sharedWithUnion();
    leadImageAlt = leadImageId == null ? null : form.leadImageAlt();
    searchText =
        ArticleHtml.searchable(
            title
                + " "
                + (titleEn == null ? "" : titleEn)
                + " "
                + perex
                + " "
                + ArticleHtml.text(body));
  }

  /** Shows the image as the article's lead image, with its required text alternative. */
  public void leadImage(UUID fileId, String alt) {
    if (alt == null || alt.isBlank()) {
      throw Refusal.invalid("leadImageAlt", "article.error.alt");
    }
    leadImageId = Objects.requireNonNull(fileId, "file is required");
    leadImageAlt = alt.trim();
  }

  public void removeLeadImage() {
    leadImageId = null;
    leadImageAlt = null;
  }

  /**
   * Moves the article in its workflow. {@code at} is when a scheduled article comes out (in the
   * future); other moves ignore it.
   */
  public void moveTo(ArticleStatus target, Instant at, Instant now) {
    Objects.requireNonNull(target, "target status is required");
    if (!status.mayMoveTo(target)) {
      throw Refusal.conflict(
          "An article " + status + " cannot become " + target + ".",
          "status",
          "article.error.transition");
    }
    switch (target) {
      case IN_REVIEW -> submittedAt = now;
      case SCHEDULED -> {
        if (at == null || !at.isAfter(now)) {
          throw Refusal.invalid("scheduledFor", "article.error.schedule");
        }
        scheduledFor = at;
      }
      case PUBLISHED -> {
        if (publishedAt == null) {
          publishedAt = now;
        }
        scheduledFor = null;
        archivedAt = null;
      }
      case ARCHIVED -> archivedAt = now;
      case DRAFT -> scheduledFor = null;
    }
    status = target;
  }

  /** Publishes a scheduled article whose time has come; answers whether it did. */
  public boolean publishIfDue(Instant now) {
    if (status != ArticleStatus.SCHEDULED || scheduledFor.isAfter(now)) {
      return false;
    }
    publishedAt = scheduledFor;
    scheduledFor = null;
    status = ArticleStatus.PUBLISHED;
    return true;
  }

  /** A new private preview link (the old one stops working). */
  public void renewPreview() {
    previewToken = SecretTokens.newToken();
  }

  /** Whether a reader (a member of the association or not) may read it in the archive. */
  public boolean isReadableBy(boolean member) {
    return status == ArticleStatus.PUBLISHED && (audience == Audience.PUBLIC || member);
  }

  /** Whether the union's archive shows it now. */
  public boolean isSharedNow() {
    return sharedWithUnion && audience == Audience.PUBLIC && status == ArticleStatus.PUBLISHED;
  }

  /**
   * The address made from a title: lower case, no accents, words joined by hyphens ("Cyklostezka
   * pod Radyní" is "cyklostezka-pod-radyni").
   */
  public static String slugOf(String title) {
    String plain =
        Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (plain.length() > SLUG_MAX) {
      plain = plain.substring(0, SLUG_MAX).replaceAll("-+$", "");
    }
    return plain.isEmpty() ? "clanek" : plain;
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("slug", slug);
    state.put("title", title);
    state.put("status", status.name());
    state.put("audience", audience.name());
    state.put("topics", topics());
    state.put("sharedWithUnion", sharedWithUnion);
    state.put("scheduledFor", scheduledFor == null ? null : scheduledFor.toString());
    state.put("publishedAt", publishedAt == null ? null : publishedAt.toString());
    return state;
  }

  private static String list(List<String> items) {
    return items.isEmpty() ? "," : "," + String.join(",", items) + ",";
  }

  private static List<String> items(String list) {
    return Arrays.stream(list.split(",")).filter(s -> !s.isEmpty()).toList();
  }

  public UUID id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public Optional<String> titleEn() {
    return Optional.ofNullable(titleEn);
  }

  /** The title in the reader's language (the Czech one where there is no English one). */
  public String title(Locale locale) {
    return "en".equals(locale.getLanguage()) && titleEn != null ? titleEn : title;
  }

  public String perex() {
    return perex;
  }

  public String body() {
    return body;
  }

  public Set<Topic> topics() {
    Set<Topic> set = EnumSet.noneOf(Topic.class);
    items(topics).forEach(name -> Topic.parse(name).ifPresent(set::add));
    return set;
  }

  public List<String> municipalities() {
    return items(municipalities);
  }

  public Audience audience() {
    return audience;
  }

  public ArticleStatus status() {
    return status;
  }

  public Optional<UUID> leadImageId() {
    return Optional.ofNullable(leadImageId);
  }

  public String leadImageAlt() {
    return leadImageAlt;
  }

  public Optional<String> contactCode() {
    return Optional.ofNullable(contactCode);
  }

  public Optional<UUID> contactOfficialId() {
    return Optional.ofNullable(contactOfficialId);
  }

  public boolean sharedWithUnion() {
    return sharedWithUnion;
  }

  public String previewToken() {
    return previewToken;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdByName() {
    return createdByName;
  }

  public Optional<Instant> submittedAt() {
    return Optional.ofNullable(submittedAt);
  }

  public Optional<Instant> scheduledFor() {
    return Optional.ofNullable(scheduledFor);
  }

  public Optional<Instant> publishedAt() {
    return Optional.ofNullable(publishedAt);
  }

  public Optional<Instant> revisedAt() {
    return Optional.ofNullable(revisedAt);
  }

  public String searchText() {
    return searchText;
  }

  public int version() {
    return version;
  }

  /** The topics as their names, for display order and the API. */
  public List<String> topicNames() {
    return topics().stream().map(Topic::name).collect(Collectors.toList());
  }
}
