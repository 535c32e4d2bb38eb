package eu.municipia.magazine.control;

import eu.municipia.identity.entity.Role;
import eu.municipia.magazine.entity.ArticleStatus;
import eu.municipia.platform.control.WaitingWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** The admin overview's line of articles that wait for review. */
@ApplicationScoped
public class ArticlesInReview implements WaitingWork {

  @Inject Articles articles;

  @Override
  public Set<String> audience() {
    return Set.of(Role.ADMIN, Role.EDITOR_NAME);
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public String titleKey() {
    return "nav.articles";
  }

  @Override
  public String labelKey() {
    return "overview.articlesInReview";
  }

  @Override
  public String page() {
    return "/editor/articles";
  }

  @Override
  public long count() {
    return articles.count(ArticleStatus.IN_REVIEW);
  }
}
