package eu.municipia.resolutions.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.resolutions.control.Bodies;
import eu.municipia.resolutions.control.Meetings;
import eu.municipia.resolutions.entity.GoverningBody;
import eu.municipia.resolutions.entity.Meeting;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The admin's overview of the register (/{tenant}/admin/resolutions): the bodies with their rules,
 * a form for a new body, and the latest meetings.
 */
@Named
@ViewScoped
public class BodiesAdminPage implements Serializable {

  static final String FORM = "body";

  @Inject Bodies bodies;
  @Inject Meetings meetings;
  @Inject CurrentCaller caller;
  @Inject Shell shell;

  private List<GoverningBody> all;
  private List<Meeting> latest;
  private BodyFields fields = new BodyFields();

  @PostConstruct
  void init() {
    load();
  }

  private void load() {
    all = bodies.all();
    latest = meetings.all().stream().limit(20).toList();
  }

  public void create() throws IOException {
    try {
      GoverningBody body = bodies.create(fields.form(), caller.get());
      FormMessages.info("admin.body.created", body.nameCs());
      FormMessages.keepForRedirect();
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect(shell.url("/admin/resolutions/body") + "?id=" + body.id());
    } catch (Refusal e) {
      FormMessages.show(FORM, e);
    }
  }

  public String bodyName(UUID id) {
    Map<UUID, GoverningBody> byId =
        all.stream().collect(Collectors.toMap(GoverningBody::id, Function.identity()));
    GoverningBody body = byId.get(id);
    return body == null ? "" : body.name(shell.getLocale());
  }

  public boolean invalid(String field) {
    return FormMessages.invalid(FORM, field);
  }

  public List<GoverningBody> getBodies() {
    return all;
  }

  public List<Meeting> getMeetings() {
    return latest;
  }

  public BodyFields getFields() {
    return fields;
  }
}
