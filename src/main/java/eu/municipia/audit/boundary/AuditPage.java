package eu.municipia.audit.boundary;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.audit.entity.AuditEntry;
import eu.municipia.platform.boundary.Pager;
import jakarta.annotation.PostConstruct;
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

  private Pager<AuditEntry> pager;

  @PostConstruct
  void init() {
    pager = Pager.of(request, PAGE_SIZE);
  }

  public List<AuditEntry> getEntries() {
    return pager.load(audit::latest).items();
  }

  public Pager<AuditEntry> getPager() {
    getEntries();
    return pager;
  }
}
