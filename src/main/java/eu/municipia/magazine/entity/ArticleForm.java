package eu.municipia.magazine.entity;

import eu.municipia.platform.entity.Validated;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an editor writes for an article, on the page or through the API, checked once here: a title,
 * a perex, the text (HTML, sanitized when the article takes it), at least one topic, who may read
 * it, the member municipalities it is about (6-digit codes), the contact for the solution (a member
 * and one of its officials, or none), whether it is shared with the union (public articles only)
 * and the text alternative of the lead image, which an image requires.
 */
public record ArticleForm(
    String title,
    String titleEn,
    String perex,
    String body,
    Set<Topic> topics,
    Audience audience,
    List<String> municipalities,
    String contactCode,
    UUID contactOfficialId,
    boolean sharedWithUnion,
    String leadImageAlt)
    implements Validated {

  static final int TITLE_MAX = 200;
  static final int PEREX_MAX = 600;
  static final int BODY_MAX = 200_000;
  private static final Pattern CODE = Pattern.compile("[0-9]{6}");

  public ArticleForm {
    title = trim(title);
    titleEn = trim(titleEn);
    perex = trim(perex);
    body = body == null ? "" : body;
    topics = topics == null ? Set.of() : Set.copyOf(topics);
    municipalities =
        municipalities == null
            ? List.of()
            : List.copyOf(
                new LinkedHashSet<>(
                    municipalities.stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(String::trim)
                        .toList()));
    contactCode = trim(contactCode);
    leadImageAlt = trim(leadImageAlt);
  }

  @Override
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (title == null || title.length() > TITLE_MAX) {
      errors.put("title", "article.error.title");
    }
    if (titleEn != null && titleEn.length() > TITLE_MAX) {
      errors.put("titleEn", "article.error.title");
    }
    if (perex == null || perex.length() > PEREX_MAX) {
      errors.put("perex", "article.error.perex");
    }
    if (body.length() > BODY_MAX) {
      errors.put("body", "article.error.body");
    }
    if (topics.isEmpty()) {
      errors.put("topics", "article.error.topics");
    }
    if (audience == null) {
      errors.put("audience", "article.error.audience");
    }
    if (municipalities.stream().anyMatch(c -> !CODE.matcher(c).matches())
        || municipalities.size() > 50) {
      errors.put("municipalities", "article.error.municipalities");
    }
    if ((contactCode == null) != (contactOfficialId == null)
        || (contactCode != null && !CODE.matcher(contactCode).matches())) {
      errors.put("contact", "article.error.contact");
    }
    if (sharedWithUnion && audience == Audience.MEMBERS) {
      errors.put("sharedWithUnion", "article.error.shareMembersOnly");
    }
    if (leadImageAlt != null && leadImageAlt.length() > 300) {
      errors.put("leadImageAlt", "article.error.alt");
    }
    return errors;
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
