package eu.municipia.magazine.boundary;

import eu.municipia.magazine.control.Archive;
import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.MagazineFile;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API answers about articles and their files. */
public final class ArticleViews {

  private ArticleViews() {}

  /** An article in a list: enough to show a card and link to it. */
  public record Summary(
      String association,
      String slug,
      String title,
      String titleEn,
      String perex,
      String leadImage,
      String leadImageAlt,
      Instant publishedAt,
      Instant revisedAt,
      List<String> topics,
      String audience,
      boolean sharedByAnotherAssociation) {

    static Summary of(Archive.Item item) {
      return new Summary(
          item.source(),
          item.slug(),
          item.title(),
          item.titleEn(),
          item.perex(),
          item.leadImageId() == null ? null : fileUrl(item.source(), item.leadImageId()),
          item.leadImageAlt(),
          item.publishedAt(),
          item.revisedAt(),
          item.topics().stream().map(Enum::name).toList(),
          item.audience().name(),
          item.shared());
    }
  }

  /** A whole article, with its workflow for those who edit it. */
  public record Full(
      UUID id,
      String slug,
      String title,
      String titleEn,
      String perex,
      String body,
      List<String> topics,
      String audience,
      String status,
      List<String> municipalities,
      String leadImage,
      String leadImageAlt,
      boolean sharedWithUnion,
      Instant publishedAt,
      Instant revisedAt,
      Instant scheduledFor,
      int version,
      List<FileView> files) {

    static Full of(String tenant, Article a, List<MagazineFile> files) {
      return new Full(
          a.id(),
          a.slug(),
          a.title(),
          a.titleEn().orElse(null),
          a.perex(),
          a.body(),
          a.topicNames(),
          a.audience().name(),
          a.status().name(),
          a.municipalities(),
          a.leadImageId().map(id -> fileUrl(tenant, id)).orElse(null),
          a.leadImageAlt(),
          a.sharedWithUnion(),
          a.publishedAt().orElse(null),
          a.revisedAt().orElse(null),
          a.scheduledFor().orElse(null),
          a.version(),
          files.stream().map(f -> FileView.of(tenant, f)).toList());
    }
  }

  public record FileView(
      UUID id,
      String url,
      String name,
      String mediaType,
      long size,
      Integer width,
      Integer height,
      String description,
      boolean attachment) {

    static FileView of(String tenant, MagazineFile f) {
      return new FileView(
          f.id(),
          fileUrl(tenant, f.id()),
          f.filename(),
          f.mediaType(),
          f.size(),
          f.width(),
          f.height(),
          f.description(),
          f.isAttachment());
    }
  }

  /** Where a file is served, relative to the site (the article's text uses the same form). */
  public static String fileUrl(String tenant, UUID file) {
    return "/api/v1/tenants/" + tenant + "/magazine/files/" + file;
  }
}
