package eu.municipia.membership.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.membership.entity.Ico;
import eu.municipia.membership.entity.MemberOrganization;
import eu.municipia.membership.entity.Membership;
import eu.municipia.membership.entity.MembershipEvent;
import eu.municipia.membership.entity.NewMember;
import eu.municipia.membership.entity.OrganizationKind;
import eu.municipia.municipalities.control.Register;
import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The association admin's use cases on memberships, each audited with before and after. */
@ApplicationScoped
@Transactional
public class Memberships {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject Register register;

  /**
   * Adds the member the admin entered (page or API, the same checks): a municipality of the
   * register, or an organization by its IČO; a former member rejoins.
   */
  public Membership add(NewMember member, Caller admin) {
    member.requireValid();
    if (member.isOrganization()) {
      return addOrganization(
          member.organization(),
          member.name().trim(),
          member.organizationKind(),
          member.since(),
          admin);
    }
    if (!register.exists("CZ", member.municipality().code())) {
      throw Refusal.invalid("code", "member.error.unknown");
    }
    return add(member.municipality(), member.since(), admin);
  }

  public Optional<Membership> find(MunicipalityCode code) {
    return em.createNamedQuery(Membership.BY_CODE, Membership.class)
        .setParameter("country", code.country())
        .setParameter("code", code.code())
        .getResultStream()
        .findFirst();
  }

  /**
   * The membership that a member key names: a municipality's 6-digit code or an organization's IČO
   * (8 digits).
   */
  public Optional<Membership> find(String key) {
    if (MunicipalityCode.isValid("CZ", key)) {
      return find(new MunicipalityCode("CZ", key));
    }
    if (Ico.isValid(key)) {
      return organization(new Ico(key))
          .flatMap(
              o ->
                  em.createNamedQuery(Membership.BY_ORGANIZATION, Membership.class)
                      .setParameter("organization", o.id())
                      .getResultStream()
                      .findFirst());
    }
    return Optional.empty();
  }

  public Optional<MemberOrganization> organization(Ico ico) {
    return em.createNamedQuery(MemberOrganization.BY_ICO, MemberOrganization.class)
        .setParameter("ico", ico.value())
        .getResultStream()
        .findFirst();
  }

  /**
   * Enters an organization (a micro-region, a company) as an active member; one that left is let
   * back in on the same record, under its current name.
   */
  public Membership addOrganization(
      Ico ico, String name, OrganizationKind kind, LocalDate since, Caller admin) {
    Optional<MemberOrganization> known = organization(ico);
    if (known.isPresent()) {
      known.get().describe(name, kind);
      Optional<Membership> existing = find(ico.value());
      if (existing.isPresent()) {
        return change(
            ico.value(), admin, "membership.rejoined", m -> m.rejoin(since, admin, now()));
      }
    }
    MemberOrganization organization =
        known.orElseGet(
            () -> {
              MemberOrganization created = new MemberOrganization(ico, name, kind);
              em.persist(created);
              return created;
            });
    Membership membership = Membership.activeOrganization(organization, since);
    em.flush(); // the membership's foreign key needs the organization row first
    em.persist(membership);
    em.flush(); // the event's foreign key needs the membership row first
    em.persist(membership.entered(admin, now()));
    audit.record(
        admin, "membership.added", "membership", ico.value(), null, membership.auditState());
    return membership;
  }

  /** The member's name for people: the municipality's (from the register) or the organization's. */
  public String nameOf(
      Membership membership,
      java.util.function.Function<MunicipalityCode, String> municipalityName) {
    if (membership.isOrganization()) {
      MemberOrganization o = em.find(MemberOrganization.class, membership.organizationId());
      return o == null ? "" : o.name();
    }
    return municipalityName.apply(membership.municipality());
  }

  /** The key of a membership: the municipality's code or the organization's IČO. */
  public String keyOf(Membership membership) {
    if (membership.isOrganization()) {
      MemberOrganization o = em.find(MemberOrganization.class, membership.organizationId());
      return o == null ? "" : o.ico().value();
    }
    return membership.municipality().code();
  }

  /** Enters an active member; a municipality that left is let back in on the same record. */
  public Membership add(MunicipalityCode code, LocalDate since, Caller admin) {
    Optional<Membership> existing = find(code);
    if (existing.isPresent()) {
      return change(code.code(), admin, "membership.rejoined", m -> m.rejoin(since, admin, now()));
    }
    Membership membership = Membership.active(code, since);
    em.persist(membership);
    em.flush(); // the event's foreign key needs the membership row first
    em.persist(membership.entered(admin, now()));
    audit.record(
        admin, "membership.added", "membership", code.toString(), null, membership.auditState());
    return membership;
  }

  public Membership suspend(String code, String reason, Caller admin) {
    return change(code, admin, "membership.suspended", m -> m.suspend(reason, admin, now()));
  }

  public Membership reinstate(String code, Caller admin) {
    return change(code, admin, "membership.reinstated", m -> m.reinstate(admin, now()));
  }

  public Membership end(String code, LocalDate until, String reason, Caller admin) {
    return change(code, admin, "membership.ended", m -> m.end(until, reason, admin, now()));
  }

  public List<MembershipEvent> history(String code) {
    Membership membership = require(code);
    return em.createNamedQuery(MembershipEvent.OF_MEMBERSHIP, MembershipEvent.class)
        .setParameter("membership", membership.id())
        .getResultList();
  }

  private Membership change(
      String code, Caller admin, String action, Function<Membership, MembershipEvent> transition) {
    Membership membership = require(code);
    Map<String, Object> before = membership.auditState();
    em.persist(transition.apply(membership));
    String target = MunicipalityCode.isValid("CZ", code) ? "CZ-" + code : code;
    audit.record(admin, action, "membership", target, before, membership.auditState());
    return membership;
  }

  private Membership require(String code) {
    return find(code).orElseThrow(() -> Refusal.notFound("No membership of " + code + " here."));
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
