package eu.municipia.magazine.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an article is in its workflow, and where it may go next: draft → in review → scheduled or
 * published → archived; a review may send it back to draft, a scheduled article may be withdrawn to
 * draft, an archived one published again.
 */
public enum ArticleStatus {
  DRAFT,
  IN_REVIEW,
  SCHEDULED,
  PUBLISHED,
  ARCHIVED;

  /** The statuses this one may move to. */
  public Set<ArticleStatus> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(IN_REVIEW);
      case IN_REVIEW -> EnumSet.of(DRAFT, SCHEDULED, PUBLISHED);
      case SCHEDULED -> EnumSet.of(DRAFT, PUBLISHED);
      case PUBLISHED -> EnumSet.of(ARCHIVED);
      case ARCHIVED -> EnumSet.of(PUBLISHED);
    };
  }

  public boolean mayMoveTo(ArticleStatus target) {
    return next().contains(target);
  }

  public String key() {
    return "article.status." + name();
  }
}
