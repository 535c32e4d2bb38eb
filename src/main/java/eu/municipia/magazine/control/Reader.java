package eu.municipia.magazine.control;

import eu.municipia.magazine.entity.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Predicate;

/**
 * Who reads the magazine in this request: a member of the association (members-only articles), an
 * editor or admin (every article), or someone with an article's private preview link. Decided by
 * the boundary from the caller's roles in this association; a member of another association is no
 * member here.
 */
public record Reader(boolean member, boolean editor, String previewToken) {

  public static final Reader ANONYMOUS = new Reader(false, false, null);

  /** The reader whose roles (in this association) the predicate tells. */
  public static Reader of(Predicate<String> hasRole, String previewToken) {
    boolean editor = hasRole.test("editor") || hasRole.test("admin");
    return new Reader(hasRole.test("member"), editor, blankToNull(previewToken));
  }

  public boolean mayRead(Article article) {
    return editor || article.isReadableBy(member) || previews(article);
  }

  /** Whether this reader holds the article's preview link (compared in constant time). */
  public boolean previews(Article article) {
    return previewToken != null
        && MessageDigest.isEqual(
            previewToken.getBytes(StandardCharsets.US_ASCII),
            article.previewToken().getBytes(StandardCharsets.US_ASCII));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
