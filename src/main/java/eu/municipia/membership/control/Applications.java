package eu.municipia.membership.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.mail.control.Outbox;
import eu.municipia.membership.entity.ApplicationStatus;
import eu.municipia.membership.entity.MembershipApplication;
import eu.municipia.membership.entity.MembershipStatus;
import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.publicforms.control.Confirmations;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

/**
 * Applications for membership: a municipality applies on the public page, the association admin
 * approves (it becomes a member) or rejects with a reason, and the applicant is told by e-mail each
 * time, through the outbox, in the language they applied in.
 */
@ApplicationScoped
@Transactional
public class Applications {

  /** The applicant of the public form; audited as such, not as a logged-in person. */
  static final Caller PUBLIC =
      new Caller("public", "public", "public", "Join us form", null, Set.of(), false);

  @Inject EntityManager em;
  @Inject Register register;
  @Inject Memberships memberships;
  @Inject TenantContext tenants;
  @Inject Outbox outbox;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Confirmations confirmations;
  @Inject Links links;

  static final String CONFIRMATION = "application";
  static final Duration CONFIRMATION_VALID = Duration.ofHours(48);
  static final Duration UNCONFIRMED_KEPT = Duration.ofDays(7);

  /**
   * Takes an application from the public form, UNCONFIRMED: the applicant gets a link to confirm
   * the address, and only then it counts. The answer is the same whether or not another application
   * of the municipality is waiting: a stranger learns nothing from it.
   */
  public MembershipApplication submit(
      MunicipalityCode code, MembershipApplication.Applicant applicant, String language) {
    Tenant tenant = tenants.current();
    Register.Entry municipality = admissible(code, tenant);
    Instant now = now();
    em.createNamedQuery(MembershipApplication.UNCONFIRMED_BEFORE)
        .setParameter("before", now.minus(UNCONFIRMED_KEPT))
        .executeUpdate();
    MembershipApplication application = new MembershipApplication(code, applicant, language, now);
    em.persist(application);
    String token = confirmations.issue(CONFIRMATION, application.getId(), CONFIRMATION_VALID);
    tell(
        application,
        tenant,
        "confirm",
        municipality.name(),
        links.of(tenant).page("/join/confirm", Map.of("token", token)));
    return application;
  }

  /**
   * The applicant opened the link from the e-mail: the application counts from now, the admin sees
   * it and the applicant gets the receipt. Refused as gone if the link expired or was used.
   */
  public MembershipApplication confirm(String token) {
    UUID id = confirmations.redeem(CONFIRMATION, token);
    MembershipApplication application = em.find(MembershipApplication.class, id);
    if (application == null) {
      // Its application was deleted unconfirmed (after a week), although the link was newer.
      throw Refusal.notFound("No application " + id + " here.");
    }
    Tenant tenant = tenants.current();
    String municipality = admissible(application.municipality(), tenant).name();
    application.confirm(now());
    audit.record(
        PUBLIC,
        "application.submitted",
        "application",
        application.getId().toString(),
        null,
        application.auditState());
    tell(application, tenant, "received", municipality, "");
    return application;
  }

  /**
   * The municipality may apply to this association: it exists, lies in its region, is no member.
   */
  private Register.Entry admissible(MunicipalityCode code, Tenant tenant) {
    Register.Entry municipality =
        register
            .entry(code.country(), code.code())
            .orElseThrow(
                () ->
                    new ApplicationRefusedException(
                        ApplicationRefusedException.Reason.NOT_IN_REGISTER,
                        "No municipality " + code.code() + " in the register.",
                        code.code()));
    if (tenant.region().isPresent() && !tenant.region().get().equals(municipality.region())) {
      throw new ApplicationRefusedException(
          ApplicationRefusedException.Reason.OUTSIDE_REGION,
          municipality.name() + " is not in " + tenant.region().get() + ".",
          municipality.name());
    }
    // Who is a member is public (the directory), so saying it tells a stranger nothing new.
    memberships
        .find(code)
        .filter(m -> m.status() != MembershipStatus.LEFT)
        .ifPresent(
            m -> {
              throw new ApplicationRefusedException(
                  ApplicationRefusedException.Reason.ALREADY_MEMBER,
                  municipality.name() + " is already a member.",
                  municipality.name());
            });
    return municipality;
  }

  public MembershipApplication approve(UUID id, LocalDate since, Caller admin) {
    MembershipApplication application = require(id);
    Map<String, Object> before = application.auditState();
    application.approve(since, admin, now());
    memberships.add(application.municipality(), since, admin);
    audit.record(
        admin,
        "application.approved",
        "application",
        id.toString(),
        before,
        application.auditState());
    tell(application, tenants.current(), "approved", name(application), since);
    return application;
  }

  public MembershipApplication reject(UUID id, String reason, Caller admin) {
    MembershipApplication application = require(id);
    Map<String, Object> before = application.auditState();
    application.reject(reason, admin, now());
    audit.record(
        admin,
        "application.rejected",
        "application",
        id.toString(),
        before,
        application.auditState());
    tell(application, tenants.current(), "rejected", name(application), reason.trim());
    return application;
  }

  public List<MembershipApplication> list(List<ApplicationStatus> statuses, int offset, int limit) {
    return em.createNamedQuery(MembershipApplication.BY_STATUS, MembershipApplication.class)
        .setParameter("statuses", statuses)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public MembershipApplication require(UUID id) {
    MembershipApplication application = em.find(MembershipApplication.class, id);
    if (application == null || application.getStatus() == ApplicationStatus.UNCONFIRMED) {
      throw Refusal.notFound("No application " + id + " here.");
    }
    return application;
  }

  /** The municipality's name for lists and mail; its code if the register lost it. */
  public String name(MembershipApplication application) {
    return register
        .entry(application.municipality().country(), application.getCode())
        .map(Register.Entry::name)
        .orElse(application.getCode());
  }

  private void tell(
      MembershipApplication application,
      Tenant tenant,
      String what,
      String municipality,
      Object detail) {
    if (application.getApplicantEmail() == null) {
      return; // erased on request: nobody to tell
    }
    Locale locale = Locale.forLanguageTag(application.getLanguage());
    ResourceBundle texts = ResourceBundle.getBundle(MAIL_TEXTS, locale);
    String shown =
        detail instanceof LocalDate date
            ? date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale))
            : String.valueOf(detail);
    Object[] args = {
      municipality, tenant.name(locale), shown, application.getApplicantName(),
    };
    outbox.queue(application.getApplicantEmail(), texts, "application." + what, args);
  }

  private static final String MAIL_TEXTS = "eu.municipia.membership.control.mail";

  private Instant now() {
    return Instant.now(clock);
  }
}
