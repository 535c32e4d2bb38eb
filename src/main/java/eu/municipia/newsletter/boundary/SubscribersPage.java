package eu.municipia.newsletter.boundary;

import eu.municipia.newsletter.control.Subscribers;
import eu.municipia.newsletter.entity.Subscriber;
import eu.municipia.platform.boundary.Pager;
import eu.municipia.platform.entity.Page;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;

/**
 * The editors' list of subscribers (/{tenant}/editor/subscribers?status=): how each came on and
 * where it stands, and for a suppressed address why (the bounce or complaint).
 */
@Named
@RequestScoped
public class SubscribersPage {

  static final int PAGE_SIZE = 50;

  @Inject Subscribers subscribers;
  @Inject HttpServletRequest request;

  private Pager<Subscriber> pager;

  @PostConstruct
  void init() {
    pager = Pager.of(request, PAGE_SIZE, "status", "q");
  }

  public String getStatus() {
    String status = request.getParameter("status");
    return status == null ? "" : status.trim();
  }

  public Page<Subscriber> getResult() {
    Subscriber.Status chosen =
        Arrays.stream(Subscriber.Status.values())
            .filter(s -> s.name().equals(getStatus()))
            .findFirst()
            .orElse(null);
    return pager.load((offset, limit) -> subscribers.list(chosen, getQuery(), offset, limit));
  }

  public Pager<Subscriber> getPager() {
    getResult();
    return pager;
  }

  public String getQuery() {
    String query = request.getParameter("q");
    return query == null ? "" : query.trim();
  }

  public List<Subscriber.Status> getStatuses() {
    return Arrays.asList(Subscriber.Status.values());
  }
}
