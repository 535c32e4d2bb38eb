package eu.municipia.magazine.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An article's workflow and invariants, decided by the article itself. */
class ArticleTest {

  static final Caller EDITOR =
      new Caller("iss", "sub", "redaktorka", "Eva Malá", null, Set.of("smopk"), false);
  static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  static ArticleForm form(String body) {
    return new ArticleForm(
        "Cyklostezka",
        null,
        "Perex",
        body,
        Set.of(Topic.TRANSPORT),
        Audience.PUBLIC,
        List.of("540927"),
        null,
        null,
        false,
        null);
  }

  @Test
  void aDraftIsReviewedBeforeItIsPublishedAndAnEditAfterwardsIsNoted() {
    Article article =
        Article.draft(form("<p>x</p><script>alert(1)</script>"), "cyklostezka", EDITOR, NOW);
    assertThat(article.body()).isEqualTo("<p>x</p>");
    assertThat(article.isReadableBy(true)).isFalse();
    assertThatThrownBy(() -> article.moveTo(ArticleStatus.PUBLISHED, null, NOW))
        .isInstanceOf(Refusal.class)
        .extracting(e -> ((Refusal) e).kind())
        .isEqualTo(Refusal.Kind.CONFLICT);
    article.moveTo(ArticleStatus.IN_REVIEW, null, NOW);
    article.moveTo(ArticleStatus.PUBLISHED, null, NOW.plusSeconds(60));
    assertThat(article.isReadableBy(false)).isTrue();
    assertThat(article.publishedAt()).contains(NOW.plusSeconds(60));
    assertThat(article.revisedAt()).isEmpty();
    article.edit(form("<p>y</p>"), article.version(), NOW.plusSeconds(3600));
    assertThat(article.revisedAt()).contains(NOW.plusSeconds(3600));
    assertThatThrownBy(() -> article.edit(form("<p>z</p>"), article.version() + 1, NOW))
        .isInstanceOf(Refusal.class);
    article.moveTo(ArticleStatus.ARCHIVED, null, NOW.plusSeconds(7200));
    assertThat(article.isReadableBy(true)).isFalse();
  }

  @Test
  void aScheduledArticleComesOutWhenItsTimeComes() {
    Article article = Article.draft(form("<p>x</p>"), "plan", EDITOR, NOW);
    article.moveTo(ArticleStatus.IN_REVIEW, null, NOW);
    assertThatThrownBy(() -> article.moveTo(ArticleStatus.SCHEDULED, NOW.minusSeconds(1), NOW))
        .isInstanceOf(Refusal.class);
    article.moveTo(ArticleStatus.SCHEDULED, NOW.plusSeconds(600), NOW);
    assertThat(article.publishIfDue(NOW.plusSeconds(599))).isFalse();
    assertThat(article.publishIfDue(NOW.plusSeconds(600))).isTrue();
    assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
    assertThat(article.publishedAt()).contains(NOW.plusSeconds(600));
  }

  @Test
  void aLeadImageNeedsItsTextAlternativeAndOnlyPublicArticlesAreShared() {
    Article article = Article.draft(form("<p>x</p>"), "obrazek", EDITOR, NOW);
    assertThatThrownBy(() -> article.leadImage(UUID.randomUUID(), " ")).isInstanceOf(Refusal.class);
    article.leadImage(UUID.randomUUID(), "Náves");
    assertThatThrownBy(() -> article.edit(form("<p>x</p>"), article.version(), NOW))
        .as("the form dropped the image's alternative")
        .isInstanceOf(Refusal.class);
    ArticleForm membersShared =
        new ArticleForm(
            "T",
            null,
            "P",
            "",
            Set.of(Topic.SMART),
            Audience.MEMBERS,
            List.of(),
            null,
            null,
            true,
            null);
    assertThat(membersShared.errors()).containsKey("sharedWithUnion");
    assertThat(Article.slugOf("Čilá: nejmenší obec!")).isEqualTo("cila-nejmensi-obec");
  }
}
