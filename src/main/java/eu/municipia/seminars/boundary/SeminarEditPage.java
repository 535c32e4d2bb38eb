package eu.municipia.seminars.boundary;

import eu.municipia.identity.control.CurrentCaller;
import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.control.EventTimes;
import eu.municipia.seminars.control.Seminars;
import eu.municipia.seminars.entity.EventForm;
import eu.municipia.seminars.entity.EventKind;
import eu.municipia.seminars.entity.ProgrammeItem;
import eu.municipia.seminars.entity.Seminar;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin's form of an event (/{tenant}/admin/seminars/edit, with ?id=… to change one): kind,
 * title, description, topic, lecturers, times in Prague's time, venue with address and map point or
 * an online link, capacity, the registration window, who may register, a fee, how long offers hold
 * places, and the programme. Every problem shows beside its field; cancelling the event (with a
 * reason) tells everyone registered.
 */
@Named
@RequestScoped
public class SeminarEditPage {

  static final String FORM = "event";
  static final int PROGRAMME_LINES = 8;

  @Inject Seminars seminars;
  @Inject CurrentCaller caller;
  @Inject Shell shell;
  @Inject InTransaction tx;

  private UUID id;
  private boolean missing;
  private String kind = EventKind.SEMINAR.name();
  private String title;
  private String description;
  private String topic;
  private String lecturers;
  private String startsAt;
  private String endsAt;
  private String venue;
  private String address;
  private String latitude;
  private String longitude;
  private String onlineUrl;
  private String capacity;
  private String registrationOpensAt;
  private String registrationClosesAt;
  private String audience = "MEMBERS";
  private String fee;
  private String offerHours;
  private String cancelReason;
  private boolean cancelled;
  private final List<ProgrammeRow> programme = new ArrayList<>();

  @PostConstruct
  void init() {
    Optional<UUID> asked = Pages.id("id");
    id = asked.orElse(null);
    boolean postback = FacesContext.getCurrentInstance().isPostback();
    if (id != null) {
      Optional<Boolean> known = tx.get(() -> seminars.find(id).map(s -> fill(s, postback)));
      missing = known.isEmpty();
    } else {
      offerHours = Integer.toString(seminars.defaultOfferHours());
    }
    while (programme.size() < PROGRAMME_LINES) {
      programme.add(new ProgrammeRow());
    }
  }

  private boolean fill(Seminar s, boolean postback) {
    cancelled = s.isCancelled();
    if (postback) {
      for (int i = 0; i < s.programme().size() + 2 - PROGRAMME_LINES; i++) {
        programme.add(new ProgrammeRow());
      }
      return true;
    }
    kind = s.kind().name();
    title = s.title();
    description = s.description();
    topic = s.topic();
    lecturers = s.lecturers();
    startsAt = EventTimes.local(s.startsAt());
    endsAt = EventTimes.local(s.endsAt());
    venue = s.venue();
    address = s.address();
    latitude = s.latitude() == null ? null : s.latitude().toString();
    longitude = s.longitude() == null ? null : s.longitude().toString();
    onlineUrl = s.onlineUrl();
    capacity = Integer.toString(s.capacity());
    registrationOpensAt = EventTimes.local(s.registrationOpensAt());
    registrationClosesAt = EventTimes.local(s.registrationClosesAt());
    audience = s.audience().name();
    fee = s.fee() == null ? null : s.fee().stripTrailingZeros().toPlainString();
    offerHours = Integer.toString(s.offerHours());
    for (ProgrammeItem item : s.programme()) {
      programme.add(
          new ProgrammeRow(
              EventTimes.local(item.startsAt()),
              EventTimes.local(item.endsAt()),
              item.title(),
              item.lecturer()));
    }
    // Two blank lines to add items, and at least the form's usual number of lines.
    programme.add(new ProgrammeRow());
    programme.add(new ProgrammeRow());
    return true;
  }

  /** Before the page is rendered: a link to an event that is not here is 404. */
  public void load() {
    if (missing) {
      Pages.notFound();
    }
  }

  public void save() {
    EventForm form =
        new EventForm(
            kind,
            title,
            description,
            topic,
            lecturers,
            startsAt,
            endsAt,
            venue,
            address,
            latitude,
            longitude,
            onlineUrl,
            capacity,
            registrationOpensAt,
            registrationClosesAt,
            audience,
            fee,
            offerHours,
            programme.stream()
                .map(
                    r ->
                        new EventForm.ProgrammeLine(
                            r.getStartsAt(), r.getEndsAt(), r.getTitle(), r.getLecturer()))
                .toList());
    form.errors()
        .forEach((field, key) -> FormMessages.fieldError(FORM, Pages.clientId(field), key));
    if (FormMessages.hasErrors()) {
      FormMessages.error(
          form.errors().containsKey("programme")
              ? "seminar.error.programmeTooLong"
              : "seminar.edit.errors");
      return;
    }
    try {
      Seminar saved =
          id == null
              ? seminars.create(form, caller.get())
              : seminars.change(id, form, caller.get());
      FormMessages.info("seminar.edit.saved");
      FormMessages.keepForRedirect();
      redirect("/seminars/event?id=" + saved.id());
    } catch (Refusal e) {
      Pages.show(FORM, e, "capacity", "title");
    }
  }

  public void cancelEvent() {
    if (cancelReason == null || cancelReason.isBlank()) {
      FormMessages.fieldError("cancel", "reason", "seminar.error.reason");
      return;
    }
    try {
      seminars.cancel(id, cancelReason, caller.get());
      FormMessages.info("seminar.edit.cancelled");
      FormMessages.keepForRedirect();
      redirect("/seminars/event?id=" + id);
    } catch (Refusal e) {
      Pages.show("cancel", e);
    }
  }

  private void redirect(String path) {
    try {
      FacesContext.getCurrentInstance().getExternalContext().redirect(shell.url(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean invalid(String clientId) {
    return FacesContext.getCurrentInstance().getMessages(clientId).hasNext();
  }

  public List<EventKind> getKinds() {
    return List.of(EventKind.values());
  }

  public boolean isNew() {
    return id == null;
  }

  public UUID getId() {
    return id;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  public List<ProgrammeRow> getProgramme() {
    return programme;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public String getLecturers() {
    return lecturers;
  }

  public void setLecturers(String lecturers) {
    this.lecturers = lecturers;
  }

  public String getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(String startsAt) {
    this.startsAt = startsAt;
  }

  public String getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(String endsAt) {
    this.endsAt = endsAt;
  }

  public String getVenue() {
    return venue;
  }

  public void setVenue(String venue) {
    this.venue = venue;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getLatitude() {
    return latitude;
  }

  public void setLatitude(String latitude) {
    this.latitude = latitude;
  }

  public String getLongitude() {
    return longitude;
  }

  public void setLongitude(String longitude) {
    this.longitude = longitude;
  }

  public String getOnlineUrl() {
    return onlineUrl;
  }

  public void setOnlineUrl(String onlineUrl) {
    this.onlineUrl = onlineUrl;
  }

  public String getCapacity() {
    return capacity;
  }

  public void setCapacity(String capacity) {
    this.capacity = capacity;
  }

  public String getRegistrationOpensAt() {
    return registrationOpensAt;
  }

  public void setRegistrationOpensAt(String registrationOpensAt) {
    this.registrationOpensAt = registrationOpensAt;
  }

  public String getRegistrationClosesAt() {
    return registrationClosesAt;
  }

  public void setRegistrationClosesAt(String registrationClosesAt) {
    this.registrationClosesAt = registrationClosesAt;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public String getFee() {
    return fee;
  }

  public void setFee(String fee) {
    this.fee = fee;
  }

  public String getOfferHours() {
    return offerHours;
  }

  public void setOfferHours(String offerHours) {
    this.offerHours = offerHours;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public void setCancelReason(String cancelReason) {
    this.cancelReason = cancelReason;
  }
}
