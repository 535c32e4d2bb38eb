package eu.municipia.magazine.entity;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The text of an article as HTML that is safe to show: whatever an editor (or a program) sends is
 * passed through the OWASP Java HTML Sanitizer with an allow-list of what the editor makes
 * (paragraphs, headings, lists, links, quotes, tables, images). Everything else is dropped: script,
 * event handlers, style, frames, forms, {@code javascript:} and {@code data:} URLs. Images may show
 * only the association's own article files, so a text cannot load anything from elsewhere.
 */
public final class ArticleHtml {

  /** Where an article's own files are served (relative, any association, optional width). */
  static final Pattern FILE_URL =
      Pattern.compile(
          "/api/v1/tenants/[a-z][a-z0-9-]{1,39}/magazine/files/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
              + "-[0-9a-f]{4}-[0-9a-f]{12}(\\?w=[0-9]{1,4})?");

  private static final Pattern SPAN = Pattern.compile("[1-9][0-9]?");

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "strong",
              "em",
              "b",
              "i",
              "u",
              "s",
              "sub",
              "sup",
              "ul",
              "ol",
              "li",
              "blockquote",
              "h2",
              "h3",
              "h4",
              "hr",
              "table",
              "thead",
              "tbody",
              "tfoot",
              "tr",
              "th",
              "td",
              "caption",
              "figure",
              "figcaption")
          // The page's title is the one h1: a heading 1 in the text becomes a heading 2.
          .allowElements((name, attributes) -> "h2", "h1")
          .allowAttributes("colspan", "rowspan")
          .matching(SPAN)
          .onElements("th", "td")
          .allowAttributes("scope")
          .matching(Pattern.compile("row|col|rowgroup|colgroup"))
          .onElements("th")
          .allowElements("a")
          .allowAttributes("href", "title")
          .onElements("a")
          .allowUrlProtocols("https", "http", "mailto")
          .requireRelNofollowOnLinks()
          .allowAttributes("alt")
          .onElements("img")
          .allowAttributes("src")
          .matching(FILE_URL)
          .onElements("img")
          // An image whose address was refused is dropped whole, not kept as an empty element.
          .allowElements((name, attributes) -> attributes.contains("src") ? name : null, "img")
          .toFactory();

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-z]{2,8});");
  private static final Pattern IMAGE_SRC = Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"");

  private ArticleHtml() {}

  /** The sanitized HTML of what was sent (null counts as empty). */
  public static String sanitize(String html) {
    return html == null ? "" : POLICY.sanitize(html).trim();
  }

  /** The text of sanitized HTML, without tags, entities decoded, spaces collapsed. */
  public static String text(String sanitizedHtml) {
    String text = TAG.matcher(sanitizedHtml).replaceAll(" ");
    Matcher m = ENTITY.matcher(text);
    StringBuilder decoded = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(decoded, Matcher.quoteReplacement(decode(m.group(1))));
    }
    m.appendTail(decoded);
    return decoded.toString().replaceAll("\\s+", " ").trim();
  }

  /** The files an HTML text shows (their addresses as written). */
  public static List<String> imageSources(String sanitizedHtml) {
    return IMAGE_SRC.matcher(sanitizedHtml).results().map(r -> r.group(1)).toList();
  }

  /** Text as the search compares it: lower case, without accents ("Čilá" is "cila"). */
  public static String searchable(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return decomposed
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{Alnum}]+", " ")
        .trim();
  }

  private static String decode(String entity) {
    if (entity.startsWith("#")) {
      int codePoint =
          entity.startsWith("#x")
              ? Integer.parseInt(entity.substring(2), 16)
              : Integer.parseInt(entity.substring(1));
      return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : "";
    }
    return switch (entity) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      case "nbsp" -> " ";
      default -> "&" + entity + ";";
    };
  }
}
