package eu.municipia.tenancy.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.control.Invitations;
import eu.municipia.identity.control.RoleGrants;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Invitation;
import eu.municipia.identity.entity.Person;
import eu.municipia.identity.entity.Role;
import eu.municipia.mail.control.Outbox;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.control.SiteLogos;
import eu.municipia.platform.control.SiteProfiles;
import eu.municipia.platform.entity.Logo;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.entity.NewAssociation;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javax.sql.DataSource;

/**
 * The database half of an association's life: its row in the shared tenant list, its first admin's
 * role and the audit entries, each change in one transaction, run for the association itself (its
 * audit log and roles are its tenant data). The tenant list has no row-level security; only these
 * platform-admin use cases write it.
 */
@ApplicationScoped
@Transactional
public class AssociationRecords {

  private static final String NATIVE = "eclipselink.jdbc.allow-native-sql-query";

  @Inject EntityManager em;

  @Resource(lookup = "java:app/jdbc/municipia")
  DataSource dataSource;

  @Inject RoleGrants roles;
  @Inject Invitations invitations;
  @Inject TenantContext tenants;
  @Inject Outbox outbox;
  @Inject Links links;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject SiteProfiles profiles;
  @Inject SiteLogos logos;

  /** The reference of the invitation to be an association's first admin: this, then its slug. */
  static final String FIRST_ADMIN = "association-admin:";

  private static final String MAIL_TEXTS = "eu.municipia.tenancy.control.mail";

  /** The checks that need the database: a free slug, a parent that is a union, a known region. */
  public void check(NewAssociation a) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!rows("SELECT 1 FROM tenant WHERE id = ?1", a.slug()).isEmpty()) {
      errors.put("slug", "association.error.slugTaken");
    }
    if (a.parent() != null
        && rows("SELECT 1 FROM tenant WHERE id = ?1 AND kind = 'UNION'", a.parent()).isEmpty()) {
      errors.put("parent", "association.error.parent");
    }
    if (a.region() == null
        ? rows("SELECT 1 FROM municipality WHERE country = ?1 LIMIT 1", a.country()).isEmpty()
        : rows(
                "SELECT 1 FROM municipality WHERE country = ?1 AND region = ?2 LIMIT 1",
                a.country(),
                a.region())
            .isEmpty()) {
      errors.put("region", "association.error.region");
    }
    if (a.domain() != null && domainTaken(a.domain(), a.slug())) {
      errors.put("domain", "association.error.domainTaken");
    }
    boolean conflict = errors.containsKey("slug") || errors.containsKey("domain");
    if (!errors.isEmpty()) {
      throw new Refusal(
          conflict ? Refusal.Kind.CONFLICT : Refusal.Kind.INVALID,
          conflict
              ? "An association with the slug " + a.slug() + " or this domain exists already."
              : "The request has invalid fields.",
          errors);
    }
  }

  /**
   * The association's row with its first admin and the audit entry, all or nothing. Runs for the
   * new association (TenantContext.runAs), whose Organization and admin login exist by now.
   */
  public void insert(
      NewAssociation a, Optional<Logo> logo, Caller firstAdmin, Caller platformAdmin) {
    insertRow(a, logo, platformAdmin);
    Person admin = roles.recordLogin(firstAdmin);
    em.flush();
    roles.grant(admin.id(), Role.ASSOCIATION_ADMIN, platformAdmin);
    audited(a, platformAdmin, false);
  }

  /**
   * The association's row without an admin, the invitation of the login elsewhere to be its admin
   * with the mail that carries the link (the outbox sends it after commit), and the audit entry,
   * all or nothing. The login gets nothing until its owner accepts.
   */
  public void insertInviting(
      NewAssociation a, Optional<Logo> logo, Caller invited, Caller platformAdmin) {
    insertRow(a, logo, platformAdmin);
    em.flush();
    Invitation.Issued issued =
        invitations.issue(
            invited.email(),
            invited.issuer(),
            invited.subject(),
            Role.ASSOCIATION_ADMIN,
            FIRST_ADMIN + a.slug(),
            platformAdmin);
    Tenant tenant = tenants.current();
    ResourceBundle texts = ResourceBundle.getBundle(MAIL_TEXTS, Locale.forLanguageTag("cs"));
    outbox.queue(
        invited.email(),
        texts,
        "association.adminInvited",
        a.nameCs(),
        a.nameEn(),
        links.of(tenant).page("/invitation", Map.of("token", issued.token())).toString());
    audited(a, platformAdmin, true);
  }

  private void insertRow(NewAssociation a, Optional<Logo> logo, Caller platformAdmin) {
    check(a);
    update(
        "INSERT INTO tenant (id, parent_id, name_cs, name_en, kind, country, region, created_by)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        a.slug(),
        a.parent(),
        a.nameCs(),
        a.nameEn(),
        a.kind(),
        a.country(),
        a.region(),
        platformAdmin.subject());
    if (a.domain() != null) {
      update("INSERT INTO tenant_domain (host, tenant) VALUES (?1, ?2)", a.domain(), a.slug());
    }
    if (a.accentColor() != null) {
      profiles.brand(a.accentColor(), platformAdmin);
    }
    logo.ifPresent(l -> logos.replace(l, platformAdmin));
  }

  private void audited(NewAssociation a, Caller platformAdmin, boolean adminInvited) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("slug", a.slug());
    state.put("nameCs", a.nameCs());
    state.put("nameEn", a.nameEn());
    state.put("kind", a.kind());
    state.put("parent", a.parent());
    state.put("country", a.country());
    state.put("region", a.region());
    state.put("firstAdmin", a.adminEmail());
    state.put("firstAdminInvited", adminInvited);
    state.put("domain", a.domain());
    audit.record(platformAdmin, "association.created", "association", a.slug(), null, state);
  }

  /**
   * Gives the association this custom domain in place of any it had (none: it has none), refusing
   * one that another association has (409). Runs for the association (its audit log).
   */
  public boolean setDomain(Tenant tenant, Optional<String> domain, Caller admin) {
    if (domain.isPresent() && domainTaken(domain.get(), tenant.id())) {
      throw Refusal.conflict(
          "Another association has the domain " + domain.get() + ".",
          "domain",
          "association.error.domainTaken");
    }
    List<Object> before = rows("SELECT host FROM tenant_domain WHERE tenant = ?1", tenant.id());
    if (before.equals(domain.map(List::<Object>of).orElse(List.of()))) {
      return false;
    }
    update("DELETE FROM tenant_domain WHERE tenant = ?1", tenant.id());
    domain.ifPresent(
        d -> update("INSERT INTO tenant_domain (host, tenant) VALUES (?1, ?2)", d, tenant.id()));
    Map<String, Object> was = new LinkedHashMap<>();
    was.put("domains", before.stream().map(String::valueOf).toList());
    Map<String, Object> now = new LinkedHashMap<>();
    now.put("domains", domain.map(List::of).orElse(List.of()));
    audit.record(admin, "association.domain.changed", "association", tenant.id(), was, now);
    return true;
  }

  private boolean domainTaken(String domain, String byOtherThan) {
    return !rows(
            "SELECT 1 FROM tenant_domain WHERE host = ?1 AND tenant <> ?2", domain, byOtherThan)
        .isEmpty();
  }

  /** Suspends or reactivates the association; the same status again changes nothing. */
  public boolean setStatus(Tenant tenant, Tenant.Status status, String reason, Caller admin) {
    if (tenant.status() == status) {
      return false;
    }
    update(
        "UPDATE tenant SET status = ?1, status_changed_at = ?2, status_reason = ?3 WHERE id = ?4",
        status.name(),
        java.sql.Timestamp.from(Instant.now(clock)),
        reason,
        tenant.id());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", status.name());
    after.put("reason", reason);
    audit.record(
        admin,
        status == Tenant.Status.SUSPENDED ? "association.suspended" : "association.reactivated",
        "association",
        tenant.id(),
        Map.of("status", tenant.status().name()),
        after);
    return true;
  }

  /**
   * The regions of the register (every country's), for the form's list: a shared table without
   * row-level security, read as TenantDirectory reads the tenant list, with no association set.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> regions() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT DISTINCT region FROM municipality ORDER BY region");
        ResultSet rs = ps.executeQuery()) {
      List<String> regions = new ArrayList<>();
      while (rs.next()) {
        regions.add(rs.getString(1));
      }
      return regions;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the regions of the register", e);
    }
  }

  /** A statement on the shared tenant list with its parameters ?1, ?2… in order. */
  private void update(String sql, Object... parameters) {
    Query q = em.createNativeQuery(sql);
    q.setHint(NATIVE, true);
    for (int i = 0; i < parameters.length; i++) {
      q.setParameter(i + 1, parameters[i]);
    }
    q.executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private List<Object> rows(String sql, String... parameters) {
    Query q = em.createNativeQuery(sql);
    q.setHint(NATIVE, true);
    for (int i = 0; i < parameters.length; i++) {
      q.setParameter(i + 1, parameters[i]);
    }
    return q.getResultList();
  }
}
