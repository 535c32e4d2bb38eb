package eu.municipia.magazine.boundary;

import eu.municipia.magazine.control.Articles;
import eu.municipia.magazine.entity.Article;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The editors' list of every article of the association (/{tenant}/editor/articles). */
@Named
@RequestScoped
public class ArticleListPage {

  @Inject Articles articles;

  private List<Article> all;

  public List<Article> getArticles() {
    if (all == null) {
      all = articles.all();
    }
    return all;
  }
}
