package eu.municipia.audit.boundary;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.audit.entity.AuditEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The association admin's view of the audit log (/{tenant}/admin/audit?page=N). */
@Named
@RequestScoped
public class AuditPage {

  static final int PAGE_SIZE = 50;

  @Inject AuditLog audit;
  @Inject HttpServletRequest request;

  private List<AuditEntry> entries;
  private Long total;

  public int getPage() {
    try {
      return Math.max(0, Integer.parseInt(request.getParameter("page")));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public List<AuditEntry> getEntries() {
    if (entries == null) {
      entries = audit.latest(getPage() * PAGE_SIZE, PAGE_SIZE);
    }
    return entries;
  }

  public boolean isHasOlder() {
    if (total == null) {
      total = audit.count();
    }
    return (long) (getPage() + 1) * PAGE_SIZE < total;
  }

  public boolean isHasNewer() {
    return getPage() > 0;
  }
}
