package eu.municipia.magazine.control;

import eu.municipia.magazine.entity.Article;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.control.TenantDirectory;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * The copies of articles an association shares with its parent union ({@code
 * magazine_shared_article}): written in the association's own transaction whenever a shared article
 * is published, changed, archived or unshared, so the union reads them without ever reading the
 * association's tables. Row-level security lets the union read the copies and only the association
 * write them: the union's editors cannot change a shared article.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SharedArticles {

  static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  private static final String UPSERT =
      "INSERT INTO magazine_shared_article (id, tenant_id, union_id, source_name_cs,"
          + " source_name_en, slug, title, title_en, perex, body, topics, lead_image_id,"
          + " lead_image_alt, published_at, revised_at, search_text)"
          + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, CAST(?12 AS uuid), ?13,"
          + " CAST(?14 AS timestamptz), CAST(?15 AS timestamptz), ?16)"
          + " ON CONFLICT (tenant_id, id) DO UPDATE SET union_id = EXCLUDED.union_id,"
          + " source_name_cs = EXCLUDED.source_name_cs, source_name_en = EXCLUDED.source_name_en,"
          + " slug = EXCLUDED.slug, title = EXCLUDED.title, title_en = EXCLUDED.title_en,"
          + " perex = EXCLUDED.perex, body = EXCLUDED.body, topics = EXCLUDED.topics,"
          + " lead_image_id = EXCLUDED.lead_image_id, lead_image_alt = EXCLUDED.lead_image_alt,"
          + " published_at = EXCLUDED.published_at, revised_at = EXCLUDED.revised_at,"
          + " search_text = EXCLUDED.search_text";

  @Inject EntityManager em;
  @Inject TenantContext tenants;
  @Inject TenantDirectory directory;

  /** Brings the union's copy in step with the article: there while shared, gone otherwise. */
  public void sync(Article article) {
    Tenant tenant = tenants.current();
    Optional<Tenant> union = tenant.parent().flatMap(p -> directory.bySlug(p.value()));
    if (union.isEmpty() || !article.isSharedNow()) {
      em.createNativeQuery("DELETE FROM magazine_shared_article WHERE id = ?1")
          .setHint(NATIVE, true)
          .setParameter(1, article.id())
          .executeUpdate();
      return;
    }
    em.createNativeQuery(UPSERT)
        .setHint(NATIVE, true)
        .setParameter(1, article.id())
        .setParameter(2, tenant.id())
        .setParameter(3, union.get().id())
        .setParameter(4, tenant.nameCs())
        .setParameter(5, tenant.nameEn())
        .setParameter(6, article.slug())
        .setParameter(7, article.title())
        .setParameter(8, article.titleEn().orElse(null))
        .setParameter(9, article.perex())
        .setParameter(10, article.body())
        .setParameter(11, "," + String.join(",", article.topicNames()) + ",")
        .setParameter(12, article.leadImageId().map(Object::toString).orElse(null))
        .setParameter(13, article.leadImageAlt())
        .setParameter(14, article.publishedAt().orElseThrow().toString())
        .setParameter(15, article.revisedAt().map(Object::toString).orElse(null))
        .setParameter(16, article.searchText())
        .executeUpdate();
  }
}
