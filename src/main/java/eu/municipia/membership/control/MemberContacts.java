package eu.municipia.membership.control;

import eu.municipia.membership.entity.Official;
import eu.municipia.platform.entity.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The members-only directory: members with their current officials and contacts. */
@ApplicationScoped
@Transactional
public class MemberContacts {

  @Inject MemberDirectory directory;
  @Inject EntityManager em;
  @Inject Clock clock;

  public record Contact(String role, String name, String email, String phone) {}

  public record Entry(MemberDirectory.Member member, List<Contact> contacts) {}

  public Page<Entry> search(
      String query,
      String district,
      List<String> statuses,
      MemberDirectory.Sort sort,
      int offset,
      int limit) {
    Page<MemberDirectory.Member> members =
        directory.search(query, district, statuses, sort, offset, limit);
    Map<String, List<Contact>> contacts = currentContacts(members.items());
    List<Entry> items = new ArrayList<>();
    for (MemberDirectory.Member m : members.items()) {
      items.add(new Entry(m, contacts.getOrDefault(m.code(), List.of())));
    }
    return new Page<>(members.total(), offset, limit, items);
  }

  private Map<String, List<Contact>> currentContacts(List<MemberDirectory.Member> members) {
    Map<String, List<Contact>> byCode = new LinkedHashMap<>();
    if (members.isEmpty()) {
      return byCode;
    }
    LocalDate today = LocalDate.now(clock);
    List<String> keys = members.stream().map(MemberDirectory.Member::code).toList();
    // A member's key is a municipality's code or an organization's IČO.
    Map<java.util.UUID, String> icoByOrganization = new java.util.HashMap<>();
    em.createQuery(
            "SELECT o FROM MemberOrganization o WHERE o.ico IN :keys",
            eu.municipia.membership.entity.MemberOrganization.class)
        .setParameter("keys", keys)
        .getResultList()
        .forEach(o -> icoByOrganization.put(o.id(), o.ico().value()));
    List<Object[]> rows =
        em.createQuery(
                "SELECT m, o FROM Official o, Membership m WHERE o.membershipId = m.id"
                    + " AND (m.code IN :keys OR m.organizationId IN :organizations)"
                    + " ORDER BY o.role, o.name",
                Object[].class)
            .setParameter("keys", keys)
            .setParameter(
                "organizations",
                icoByOrganization.isEmpty()
                    ? List.of(new java.util.UUID(0, 0))
                    : List.copyOf(icoByOrganization.keySet()))
            .getResultList();
    for (Object[] row : rows) {
      eu.municipia.membership.entity.Membership m =
          (eu.municipia.membership.entity.Membership) row[0];
      Official o = (Official) row[1];
      String key =
          m.isOrganization() ? icoByOrganization.get(m.organizationId()) : m.municipality().code();
      if (o.isCurrent(today)) {
        byCode
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(new Contact(o.getRole().name(), o.getName(), o.getEmail(), o.getPhone()));
      }
    }
    return byCode;
  }
}
