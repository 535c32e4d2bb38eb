package eu.municipia.magazine.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.ArticleForm;
import eu.municipia.magazine.entity.ArticleStatus;
import eu.municipia.membership.control.Officials;
import eu.municipia.membership.entity.Official;
import eu.municipia.municipalities.control.Register;
import eu.municipia.platform.control.UniqueKeys;
import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The editors' use cases of articles: write a draft, change it, move it through its workflow (each
 * step audited with who and when), renew its preview link. The article decides what its status
 * allows; this class checks what needs the rest of the association (the municipalities exist, the
 * contact is an official of that member) and keeps the union's copy in step.
 */
@ApplicationScoped
@Transactional
public class Articles {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Register register;
  @Inject Officials officials;
  @Inject SharedArticles shared;

  public Article create(ArticleForm form, Caller by) {
    form.requireValid();
    checkReferences(form);
    Article article = Article.draft(form, freeSlug(Article.slugOf(form.title())), by, now());
    em.persist(article);
    UniqueKeys.flush(
        em,
        () ->
            Refusal.conflict(
                "An article of that title was just made.", "title", "article.error.slug"));
    audit.record(
        by, "article.created", "article", article.id().toString(), null, article.auditState());
    return article;
  }

  public Article update(String slug, ArticleForm form, int seenVersion, Caller by) {
    Article article = require(slug);
    form.requireValid();
    checkReferences(form);
    Map<String, Object> before = article.auditState();
    article.edit(form, seenVersion, now());
    audit.record(
        by, "article.changed", "article", article.id().toString(), before, article.auditState());
    shared.sync(article);
    return article;
  }

  /** Moves the article to the status (with the time a scheduled one comes out). */
  public Article move(String slug, ArticleStatus target, Instant at, Caller by) {
    Article article = require(slug);
    Map<String, Object> before = article.auditState();
    article.moveTo(target, at, now());
    audit.record(
        by,
        "article." + target.name().toLowerCase(java.util.Locale.ROOT),
        "article",
        article.id().toString(),
        before,
        article.auditState());
    shared.sync(article);
    return article;
  }

  public Article renewPreview(String slug, Caller by) {
    Article article = require(slug);
    article.renewPreview();
    audit.record(by, "article.preview.renewed", "article", article.id().toString(), null, null);
    return article;
  }

  /** Publishes the scheduled articles whose time has come; answers how many. */
  public int publishDue(Caller scheduler) {
    // Locked and skipped where another replica holds them: each article is published once.
    List<?> ids =
        em.createNativeQuery(
                "SELECT id FROM magazine_article WHERE status = 'SCHEDULED' AND scheduled_for <= ?1"
                    + " FOR UPDATE SKIP LOCKED")
            .setHint(SharedArticles.NATIVE, true)
            .setParameter(1, java.sql.Timestamp.from(now()))
            .getResultList();
    List<Article> due =
        ids.stream().map(id -> em.find(Article.class, UUID.fromString(id.toString()))).toList();
    int published = 0;
    for (Article article : due) {
      Map<String, Object> before = article.auditState();
      if (article.publishIfDue(now())) {
        audit.record(
            scheduler,
            "article.published",
            "article",
            article.id().toString(),
            before,
            article.auditState());
        shared.sync(article);
        published++;
      }
    }
    return published;
  }

  /** Every article of the association for its editors, newest first. */
  public List<Article> all() {
    return em.createNamedQuery(Article.ALL, Article.class).getResultList();
  }

  public long count(ArticleStatus status) {
    return em.createNamedQuery(Article.COUNT_IN, Long.class)
        .setParameter("status", status)
        .getSingleResult();
  }

  /** The article of that address, whatever its status (for its editors); 404 if none. */
  public Article require(String slug) {
    return find(slug).orElseThrow(() -> Refusal.notFound("No article " + slug + " here."));
  }

  public Optional<Article> find(String slug) {
    if (slug == null || slug.length() > 90) {
      return Optional.empty();
    }
    return em.createNamedQuery(Article.BY_SLUG, Article.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  public Optional<Article> byId(UUID id) {
    return Optional.ofNullable(em.find(Article.class, id));
  }

  /** The official named as the contact of the article's solution, if there is one. */
  public Optional<Official> contact(Article article) {
    if (article.contactCode().isEmpty() || article.contactOfficialId().isEmpty()) {
      return Optional.empty();
    }
    try {
      return officials.of(article.contactCode().get()).stream()
          .filter(o -> o.getId().equals(article.contactOfficialId().get()))
          .findFirst();
    } catch (Refusal noLongerAMember) {
      return Optional.empty();
    }
  }

  /** A person an article may name as the contact of its solution: an official of a member. */
  public record ContactChoice(String code, UUID officialId, String label) {}

  /** Every official (with a name, not erased) of the association's municipality members. */
  public List<ContactChoice> contactChoices() {
    List<Object[]> rows =
        em.createQuery(
                "SELECT m.code, o.id, o.name, o.role FROM Official o, Membership m"
                    + " WHERE o.membershipId = m.id AND m.code IS NOT NULL AND o.erasedAt IS NULL"
                    + " ORDER BY m.code, o.name",
                Object[].class)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ContactChoice(
                    (String) r[0],
                    (UUID) r[1],
                    register
                            .entry("CZ", (String) r[0])
                            .map(Register.Entry::name)
                            .orElse((String) r[0])
                        + " – "
                        + r[2]))
        .sorted(java.util.Comparator.comparing(ContactChoice::label))
        .toList();
  }

  /**
   * The codes of the municipalities typed as codes or names (of the association's region, "Name" or
   * "Name (District)"); a name that matches none or several is refused.
   */
  public List<String> municipalityCodes(String typed, String region) {
    List<String> codes = new java.util.ArrayList<>();
    if (typed == null) {
      return codes;
    }
    for (String token : typed.split("[,;\\n]")) {
      String name = token.trim();
      if (name.isEmpty()) {
        continue;
      }
      if (name.matches("[0-9]{6}")) {
        codes.add(name);
        continue;
      }
      String district = null;
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(.+?)\\s*\\((.+)\\)").matcher(name);
      if (m.matches()) {
        name = m.group(1).trim();
        district = m.group(2).trim();
      }
      String inDistrict = district;
      List<Register.Entry> found =
          register.named("CZ", name, region).stream()
              .filter(e -> inDistrict == null || e.district().equalsIgnoreCase(inDistrict))
              .toList();
      if (found.size() != 1) {
        throw Refusal.invalid("municipalities", "article.error.unknownMunicipality", token.trim());
      }
      codes.add(found.get(0).code());
    }
    return codes;
  }

  private void checkReferences(ArticleForm form) {
    for (String code : form.municipalities()) {
      if (register.entry("CZ", code).isEmpty()) {
        throw Refusal.invalid("municipalities", "article.error.unknownMunicipality", code);
      }
    }
    if (form.contactCode() != null) {
      List<Official> people;
      try {
        people = officials.of(form.contactCode());
      } catch (Refusal notAMember) {
        throw Refusal.invalid("contact", "article.error.contact");
      }
      if (people.stream().noneMatch(o -> o.getId().equals(form.contactOfficialId()))) {
        throw Refusal.invalid("contact", "article.error.contact");
      }
    }
  }

  private String freeSlug(String wanted) {
    String slug = wanted;
    for (int n = 2; find(slug).isPresent(); n++) {
      slug = wanted + "-" + n;
    }
    return slug;
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
