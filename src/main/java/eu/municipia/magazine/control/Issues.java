package eu.municipia.magazine.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.ArticleStatus;
import eu.municipia.magazine.entity.Issue;
import eu.municipia.newsletter.control.NewsletterMail;
import eu.municipia.newsletter.control.Newsletters;
import eu.municipia.newsletter.entity.NewsletterSend;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.control.SiteLogos;
import eu.municipia.platform.control.SiteProfiles;
import eu.municipia.platform.control.UniqueKeys;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Numbered issues of the magazine: made and arranged from published articles by the editors, a test
 * send to the editor first, then published, which sends them to every subscriber in the same
 * transaction (the outbox holds the messages from then on).
 */
@ApplicationScoped
@Transactional
public class Issues {

  @Inject EntityManager em;
  @Inject Articles articles;
  @Inject Newsletters newsletters;
  @Inject SiteProfiles profiles;
  @Inject SiteLogos logos;
  @Inject TenantContext tenants;
  @Inject Links links;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public List<Issue> all() {
    return em.createNamedQuery(Issue.ALL, Issue.class).getResultList();
  }

  public List<Issue> published() {
    return em.createNamedQuery(Issue.PUBLISHED, Issue.class).getResultList();
  }

  /** The newest published issue, if any (one row, not the whole list of them). */
  public Optional<Issue> latestPublished() {
    return em.createNamedQuery(Issue.PUBLISHED, Issue.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public Optional<Issue> find(Issue.Number number) {
    return em.createNamedQuery(Issue.BY_NUMBER, Issue.class)
        .setParameter("year", number.year())
        .setParameter("number", number.number())
        .getResultStream()
        .findFirst();
  }

  public Issue require(Issue.Number number) {
    return find(number).orElseThrow(() -> Refusal.notFound("No issue " + number + " here."));
  }

  public Issue create(Issue.Number number, String title, Caller by) {
    Issue issue = new Issue(number, title, Instant.now(clock));
    em.persist(issue);
    UniqueKeys.flush(
        em,
        () ->
            Refusal.conflict(
                "Issue " + number + " exists already.", "number", "issue.error.duplicate"));
    audit.record(by, "issue.created", "issue", issue.id().toString(), null, issue.auditState());
    return issue;
  }

  /** The issue's title and its articles in order (addresses of published articles). */
  public Issue arrange(Issue.Number number, String title, List<String> slugs, Caller by) {
    Issue issue = require(number);
    List<UUID> ids = new ArrayList<>();
    for (String slug : slugs) {
      Article article =
          articles
              .find(slug)
              .filter(a -> a.status() == ArticleStatus.PUBLISHED)
              // The newsletter goes to the public as well: no members-only article in it.
              .filter(a -> a.audience() == eu.municipia.magazine.entity.Audience.PUBLIC)
              .orElseThrow(() -> Refusal.invalid("articles", "issue.error.article"));
      ids.add(article.id());
    }
    var before = issue.auditState();
    issue.arrange(title, ids);
    audit.record(by, "issue.arranged", "issue", issue.id().toString(), before, issue.auditState());
    return issue;
  }

  /** The issue's articles in order (those still published). */
  public List<Article> articlesOf(Issue issue) {
    return issue.articleIds().stream()
        .map(articles::byId)
        .flatMap(Optional::stream)
        .filter(a -> a.status() == ArticleStatus.PUBLISHED)
        .toList();
  }

  public long recipientCount() {
    return newsletters.recipientCount();
  }

  /** Sends the issue's e-mail to the editor only, as the subscribers will get it. */
  public NewsletterSend test(Issue.Number number, Caller editor) {
    Issue issue = require(number);
    return newsletters.test(issue.id(), mail(issue), editor);
  }

  /** Publishes the issue and sends it to every subscriber, in one transaction; once. */
  public NewsletterSend publish(Issue.Number number, Caller editor) {
    Issue issue = require(number);
    var before = issue.auditState();
    issue.publish(Instant.now(clock));
    audit.record(
        editor, "issue.published", "issue", issue.id().toString(), before, issue.auditState());
    return newsletters.send(issue.id(), mail(issue), editor);
  }

  public Optional<Newsletters.Progress> progress(Issue.Number number) {
    return newsletters.progress(require(number).id());
  }

  private NewsletterMail mail(Issue issue) {
    List<Article> inIssue = articlesOf(issue);
    if (inIssue.isEmpty()) {
      throw Refusal.conflict("An issue needs an article.", "articles", "issue.error.empty");
    }
    return IssueMail.render(
        issue, inIssue, tenants.current(), profiles.current().accentColor(), logos.etag(), links);
  }

  static Map<String, Object> none() {
    return Map.of();
  }
}
