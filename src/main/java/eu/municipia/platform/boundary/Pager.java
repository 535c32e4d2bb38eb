package eu.municipia.platform.boundary;

import eu.municipia.platform.entity.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The pages of a list page that is a GET form (directory, contacts, audit…), so that every search
 * is a link to share: which page the link asks for (1 for a missing, malformed or absurd number),
 * the page that is shown (the last one where the link asks for one beyond it), and links to the
 * neighbours that keep the form's other fields. The page shows it with {@code
 * /WEB-INF/includes/pager.xhtml}.
 */
public final class Pager<T> {

  /** Page numbers in links; anything longer is not a page anyone was sent to. */
  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,6}");

  private final HttpServletRequest request;
  private final int size;
  private final List<String> kept;
  private Page<T> page;
  private int index;

  private Pager(HttpServletRequest request, int size, List<String> kept) {
    this.request = request;
    this.size = size;
    this.kept = kept;
  }

  /**
   * @param keptParameters the form's fields that a link to another page repeats
   */
  public static <T> Pager<T> of(HttpServletRequest request, int size, String... keptParameters) {
    return new Pager<>(request, size, List.of(keptParameters));
  }

  /**
   * Loads the page the link asks for with the query (offset, limit); a page beyond the end is
   * answered with the last one. Loads once; later calls answer the loaded page.
   */
  public Page<T> load(BiFunction<Integer, Integer, Page<T>> query) {
    if (page == null) {
      index = asked();
      page = query.apply(offset(index), size);
      if (page.items().isEmpty() && index > 0) {
        index = (int) Math.max(0, (page.total() - 1) / size);
        page = query.apply(offset(index), size);
      }
    }
    return page;
  }

  /** The shown page, counted from 1. */
  public int getNumber() {
    requireLoaded();
    return index + 1;
  }

  public int getPages() {
    requireLoaded();
    return (int) Math.max(1, (page.total() + size - 1) / size);
  }

  public boolean isHasPrevious() {
    return getNumber() > 1;
  }

  public boolean isHasNext() {
    return getNumber() < getPages();
  }

  public String getPreviousLink() {
    return link(getNumber() - 1);
  }

  public String getNextLink() {
    return link(getNumber() + 1);
  }

  /** The query string of the same search on another page (counted from 1). */
  public String link(int number) {
    StringBuilder link = new StringBuilder("?");
    for (String name : kept) {
      String value = request.getParameter(name);
      if (value != null && !value.isBlank()) {
        link.append(name)
            .append('=')
            .append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return link.append("page=").append(number).toString();
  }

  private int asked() {
    String value = request.getParameter("page");
    return value != null && NUMBER.matcher(value.trim()).matches()
        ? Integer.parseInt(value.trim()) - 1
        : 0;
  }

  private int offset(int pageIndex) {
    return (int) Math.min(Integer.MAX_VALUE, (long) pageIndex * size);
  }

  private void requireLoaded() {
    if (page == null) {
      throw new IllegalStateException("The pager has not loaded its page yet.");
    }
  }
}
