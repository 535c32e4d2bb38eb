package eu.municipia.identity.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Person;
import eu.municipia.identity.entity.Role;
import eu.municipia.identity.entity.RoleGrant;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The roles people hold in the current association: who has logged in, what they may do, and the
 * grants and revocations of association admins, each written to the audit log.
 */
@ApplicationScoped
@Transactional
public class RoleGrants {

  @Inject EntityManager em;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject RoleCache cache;
  @Inject TenantContext tenants;

  public Set<Role> rolesOf(Caller caller) {
    List<Role> roles =
        em.createNamedQuery(RoleGrant.ROLES_OF, Role.class)
            .setParameter("issuer", caller.issuer())
            .setParameter("subject", caller.subject())
            .getResultList();
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  /** Remembers (or refreshes) a person who logged in, so admins can grant them roles. */
  public Person recordLogin(Caller caller) {
    Instant now = Instant.now(clock);
    Optional<Person> known = find(caller.issuer(), caller.subject());
    known.ifPresent(p -> p.seen(caller, now));
    return known.orElseGet(
        () -> {
          Person person = new Person(caller, now);
          em.persist(person);
          return person;
        });
  }

  public List<Person> people() {
    return em.createNamedQuery(Person.ALL, Person.class).getResultList();
  }

  public List<RoleGrant> grants() {
    return em.createNamedQuery(RoleGrant.ALL, RoleGrant.class).getResultList();
  }

  public Person person(UUID id) {
    return Optional.ofNullable(em.find(Person.class, id))
        .orElseThrow(() -> Refusal.notFound("No such person in this association."));
  }

  /** Grants a role; granting one already held changes nothing and writes no audit entry. */
  public RoleGrant grant(UUID personId, Role role, Caller admin) {
    Person person = person(personId);
    Optional<RoleGrant> existing = find(person, role);
    if (existing.isPresent()) {
      return existing.get();
    }
    RoleGrant grant = new RoleGrant(person, role, admin, Instant.now(clock));
    em.persist(grant);
    cache.evictAfterTransaction(tenants.current().id(), person.subject());
    audit.record(admin, "role.granted", "person", person.id().toString(), null, grant.auditState());
    return grant;
  }

  /** Revokes a role; the audit entry keeps the grant as it was, so it can be restored. */
  public boolean revoke(UUID personId, Role role, Caller admin) {
    Person person = person(personId);
    Optional<RoleGrant> existing = find(person, role);
    existing.ifPresent(
        grant -> {
          audit.record(
              admin, "role.revoked", "person", person.id().toString(), grant.auditState(), null);
          em.remove(grant);
          cache.evictAfterTransaction(tenants.current().id(), person.subject());
        });
    return existing.isPresent();
  }

  private Optional<Person> find(String issuer, String subject) {
    return em.createNamedQuery(Person.BY_IDENTITY, Person.class)
        .setParameter("issuer", issuer)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  private Optional<RoleGrant> find(Person person, Role role) {
    return em.createNamedQuery(RoleGrant.FIND, RoleGrant.class)
        .setParameter("issuer", person.issuer())
        .setParameter("subject", person.subject())
        .setParameter("role", role)
        .getResultStream()
        .findFirst();
  }
}
