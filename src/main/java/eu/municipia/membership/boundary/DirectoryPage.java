package eu.municipia.membership.boundary;

import eu.municipia.membership.control.KeptMemberReads;
import eu.municipia.membership.control.MemberDirectory;
import eu.municipia.platform.boundary.Pager;
import eu.municipia.platform.entity.Page;
import jakarta.annotation.PostConstruct;
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

  @Inject KeptMemberReads directory;
  @Inject HttpServletRequest request;

  private Pager<MemberDirectory.Member> pager;

  @PostConstruct
  void init() {
    pager = Pager.of(request, PAGE_SIZE, "q", "district", "sort");
  }

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

  public Page<MemberDirectory.Member> getResult() {
    return pager.load(
        (offset, limit) ->
            directory.search(
                getQuery(),
                getDistrict(),
                List.of("ACTIVE"),
                MemberDirectory.Sort.valueOf(getSort().toUpperCase(Locale.ROOT)),
                offset,
                limit));
  }

  public Pager<MemberDirectory.Member> getPager() {
    getResult();
    return pager;
  }

  public List<String> getDistricts() {
    return directory.districts();
  }

  private String param(String name) {
    String value = request.getParameter(name);
    return value == null ? "" : value.trim();
  }
}
