package eu.municipia.membership.boundary;

import eu.municipia.membership.control.MemberContacts;
import eu.municipia.membership.control.MemberDirectory;
import eu.municipia.platform.boundary.Pager;
import eu.municipia.platform.entity.Page;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
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

  private Pager<MemberContacts.Entry> pager;

  @PostConstruct
  void init() {
    pager = Pager.of(request, PAGE_SIZE, "q", "district");
  }

  public String getQuery() {
    return param("q");
  }

  public String getDistrict() {
    return param("district");
  }

  public Page<MemberContacts.Entry> getResult() {
    return pager.load(
        (offset, limit) ->
            contacts.search(
                getQuery(),
                getDistrict(),
                List.of("ACTIVE", "SUSPENDED"),
                MemberDirectory.Sort.NAME,
                offset,
                limit));
  }

  public Pager<MemberContacts.Entry> getPager() {
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
