package eu.municipia.membership.boundary;

import eu.municipia.membership.control.MemberContacts;
import eu.municipia.membership.control.MemberDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The members-only directory (/{tenant}/members/directory?q=&district=&page=): members with their
 * current officials and contacts, as a GET form like the public directory.
 */
@Named
@RequestScoped
public class ContactsPage {

  static final int PAGE_SIZE = 25;

  @Inject MemberContacts contacts;
  @Inject MemberDirectory directory;
  @Inject HttpServletRequest request;

  private MemberContacts.Page result;

  public String getQuery() {
    return param("q");
  }

  public String getDistrict() {
    return param("district");
  }

  public int getPage() {
    try {
      return Math.max(0, Integer.parseInt(param("page")));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public MemberContacts.Page getResult() {
    if (result == null) {
      result =
          contacts.search(
              getQuery(),
              getDistrict(),
              List.of("ACTIVE", "SUSPENDED"),
              MemberDirectory.Sort.NAME,
              getPage() * PAGE_SIZE,
              PAGE_SIZE);
    }
    return result;
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

  public String pageLink(int target) {
    return "?q=" + encode(getQuery()) + "&district=" + encode(getDistrict()) + "&page=" + target;
  }

  private String param(String name) {
    String value = request.getParameter(name);
    return value == null ? "" : value.trim();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
