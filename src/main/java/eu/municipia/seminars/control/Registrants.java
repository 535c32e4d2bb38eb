package eu.municipia.seminars.control;

import eu.municipia.identity.entity.Caller;
import eu.municipia.membership.control.Memberships;
import eu.municipia.membership.control.Officials;
import eu.municipia.membership.entity.Membership;
import eu.municipia.municipalities.control.Register;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Whom a logged-in member speaks for when registering: the member whose official they are (by their
 * login), else nobody in particular (the association's own people register as themselves).
 */
@ApplicationScoped
@Transactional
public class Registrants {

  @Inject Officials officials;
  @Inject Memberships memberships;
  @Inject Register register;

  public Registrations.Origin of(Caller caller) {
    Optional<Membership> member = officials.memberOfLogin(caller.subject());
    if (member.isEmpty()) {
      return new Registrations.Origin(null, null);
    }
    if (member.get().isOrganization()) {
      return new Registrations.Origin(null, memberships.nameOf(member.get(), code -> ""));
    }
    return new Registrations.Origin(member.get().municipality(), null);
  }

  /** The name of where the people come from, for the page: the municipality or organisation. */
  public String name(Registrations.Origin origin) {
    if (origin.municipality() != null) {
      return register
          .entry(origin.municipality().country(), origin.municipality().code())
          .map(Register.Entry::name)
          .orElse(origin.municipality().code());
    }
    return origin.organisation() == null ? "" : origin.organisation();
  }
}
