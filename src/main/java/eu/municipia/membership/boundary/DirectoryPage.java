package eu.municipia.membership.boundary;

import eu.municipia.membership.control.MemberDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The public member directory page (/{tenant}/directory?q=&district=&sort=&page=): a GET form, so
 * every search is a link that can be shared and bookmarked.
 */
@Named
@RequestScoped
public class DirectoryPage {

  static final int PAGE_SIZE = 25;

  @Inject MemberDirectory directory;
  @Inject HttpServletRequest request;

  private MemberDirectory.Page page;

  public String getQuery() {
    return param("q");
  }

  public String getDistrict() {
    return param("district");
  }

  public String getSort() {
    String sort = param("sort").toLowerCase(Locale.ROOT);
    return List.of("name", "population", "since").contains(sort) ? sort : "name";
  }

  public int getPage() {
    try {
      return Math.max(0, Integer.parseInt(param("page")));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public MemberDirectory.Page getResult() {
    if (page == null) {
      page =
          directory.search(
              getQuery(),
              getDistrict(),
              List.of("ACTIVE"),
              MemberDirectory.Sort.valueOf(getSort().toUpperCase(Locale.ROOT)),
              getPage() * PAGE_SIZE,
              PAGE_SIZE);
    }
    return page;
  }

  public List<String> getDistricts() {
    return directory.districts();
  }

  public boolean isHasNext() {
    return (long) (getPage() + 1) * PAGE_SIZE < getResult().total();
  }

  public int getPages() {
    return (int) Math.max(1, (getResult().total() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  /** The query string of this search on another page, for the pager's links. */
  public String pageLink(int target) {
    return "?q="
        + encode(getQuery())
        + "&district="
        + encode(getDistrict())
        + "&sort="
        + getSort()
        + "&page="
        + target;
  }

  private String param(String name) {
    String value = request.getParameter(name);
    return value == null ? "" : value.trim();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
