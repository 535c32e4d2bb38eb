package eu.municipia.resolutions.boundary;

import eu.municipia.identity.entity.Role;
import eu.municipia.platform.boundary.Pager;
import eu.municipia.platform.entity.Page;
import eu.municipia.resolutions.control.Register;
import eu.municipia.resolutions.control.RegisterFilter;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * The public register (/{tenant}/resolutions?q=&amp;body=&amp;year=&amp;outcome=&amp;tasks=): a GET
 * form, so every search is a link; members see the members-only resolutions too.
 */
@Named
@RequestScoped
public class RegisterPage {

  static final int PAGE_SIZE = 20;
  private static final String[] FILTERS = {"q", "body", "year", "outcome", "tasks"};

  @Inject Register register;
  @Inject HttpServletRequest request;
  @Inject TenantContext tenants;

  private Pager<Register.Summary> pager;
  private RegisterFilter filter;
  private boolean approximate;

  @PostConstruct
  void init() {
    pager = Pager.of(request, PAGE_SIZE, FILTERS);
    filter =
        RegisterFilter.of(
            param("q"), param("body"), param("year"), param("outcome"), param("tasks"), false);
  }

  public Page<Register.Summary> getResult() {
    return pager.load(
        (offset, limit) -> {
          Register.Result result = register.search(filter, member(), offset, limit);
          approximate = result.approximate();
          return result.page();
        });
  }

  public Pager<Register.Summary> getPager() {
    getResult();
    return pager;
  }

  public boolean isApproximate() {
    getResult();
    return approximate;
  }

  public RegisterFilter getFilter() {
    return filter;
  }

  public String getQuery() {
    return filter.query() == null ? "" : filter.query();
  }

  public String getBody() {
    return filter.bodyId() == null ? "" : filter.bodyId().toString();
  }

  public String getYear() {
    return filter.year() == null ? "" : filter.year().toString();
  }

  public String getOutcome() {
    return filter.outcome() == null ? "" : filter.outcome().name();
  }

  public String getTasks() {
    return filter.tasks() == null ? "" : filter.tasks();
  }

  public List<String> getTaskStates() {
    return RegisterFilter.TASK_STATES;
  }

  public List<GoverningBody> getBodies() {
    return register.bodies();
  }

  public List<Integer> getYears() {
    return register.years(member());
  }

  /** The same search as open data: the CSV and the JSON of the API. */
  public String getCsvLink() {
    return api("/resolutions/export.csv");
  }

  public String getJsonLink() {
    return api("/resolutions");
  }

  private String api(String path) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (String name : FILTERS) {
      String value = param(name);
      if (value != null && !value.isBlank()) {
        query.add(name + "=" + URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
      }
    }
    return request.getContextPath() + "/api/v1/tenants/" + tenants.current().id() + path + query;
  }

  private boolean member() {
    return request.isUserInRole(Role.MEMBER);
  }

  private String param(String name) {
    return request.getParameter(name);
  }
}
