package eu.municipia.identity.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.identity.control.RoleGrants;
import eu.municipia.identity.entity.Person;
import eu.municipia.identity.entity.Role;
import eu.municipia.identity.entity.RoleGrant;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

/** The association admin's page for granting and revoking roles (/{tenant}/admin/roles). */
@Named
@ViewScoped
public class RolesPage implements Serializable {

  // Not transient: the view scope lives in the session, which another replica may deserialize;
  // Weld's client proxies of these normal-scoped beans are serializable and find the bean there.
  @Inject RoleGrants grants;
  @Inject CurrentCaller caller;

  private List<Person> people;
  private Map<UUID, List<String>> roles;
  private final Map<UUID, String> chosen = new HashMap<>();

  @PostConstruct
  void load() {
    people = grants.people();
    Map<String, UUID> idBySubject = new HashMap<>();
    people.forEach(p -> idBySubject.put(p.issuer() + " " + p.subject(), p.id()));
    roles = new HashMap<>();
    for (RoleGrant g : grants.grants()) {
      UUID id = idBySubject.get(g.issuer() + " " + g.subject());
      roles.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(g.role().roleName());
    }
  }

  public List<Person> getPeople() {
    return people;
  }

  public List<String> rolesOf(Person person) {
    return roles.getOrDefault(person.id(), List.of());
  }

  public List<String> getGrantableRoles() {
    return java.util.Arrays.stream(Role.values()).map(Role::roleName).toList();
  }

  public Map<UUID, String> getChosen() {
    return chosen;
  }

  public void grant(Person person) {
    String roleName = chosen.get(person.id());
    Role.byName(roleName)
        .ifPresentOrElse(
            role -> {
              grants.grant(person.id(), role, caller.get());
              done("roles.granted");
            },
            () -> {
              FacesContext faces = FacesContext.getCurrentInstance();
              faces.addMessage(
                  "roles:role-" + person.id(),
                  new FacesMessage(
                      FacesMessage.SEVERITY_ERROR, text("roles.select.missing"), null));
            });
  }

  public void revoke(Person person, String roleName) {
    Role.byName(roleName)
        .ifPresent(
            role -> {
              grants.revoke(person.id(), role, caller.get());
              done("roles.revoked");
            });
  }

  private void done(String key) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key), null));
    chosen.clear();
    load();
  }

  private static String text(String key) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    return bundle.getString(key);
  }
}
