package eu.municipia.membership.control;

import eu.municipia.identity.control.RoleGrants;
import eu.municipia.identity.entity.Person;
import eu.municipia.membership.entity.Official;
import eu.municipia.membership.entity.OfficialRole;
import eu.municipia.platform.control.DemoSeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Demo data: the demo member official (starosta.cila, Josef Král) is the mayor of Čilá, linked to
 * his login as an invited official is, so that he speaks for Čilá (e.g. registers its people for a
 * seminar).
 */
@ApplicationScoped
public class DemoOfficials implements DemoSeed {

  static final String CILA = "540927";
  static final String DEMO_LOGIN = "starosta.cila";

  @Inject Officials officials;
  @Inject RoleGrants roles;
  @Inject Clock clock;

  @Override
  public String tenant() {
    return "smopk";
  }

  @Override
  public int order() {
    return 15;
  }

  // One transaction for the official and its login: DemoData runs seeds without one, and the
  // entity that officials.add returns would otherwise be detached when the login is linked.
  @Override
  @Transactional
  public String seedIfEmpty() {
    Optional<Person> mayor =
        roles.people().stream().filter(p -> DEMO_LOGIN.equals(p.username())).findFirst();
    if (mayor.isEmpty()) {
      return "no demo login " + DEMO_LOGIN;
    }
    if (officials.memberOfLogin(mayor.get().subject()).isPresent()) {
      return "the demo official is linked already";
    }
    Official official =
        officials.add(
            CILA,
            new Official.Details(
                OfficialRole.MAYOR,
                mayor.get().displayName(),
                mayor.get().email(),
                null,
                LocalDate.of(2022, 10, 1),
                null),
            DEMO);
    official.invited(mayor.get().subject(), clock.instant());
    return "the mayor of Čilá is " + DEMO_LOGIN;
  }
}
