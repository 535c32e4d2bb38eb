package eu.municipia.seminars.control;

import eu.municipia.mail.control.Outbox;
import eu.municipia.mail.entity.OutboxAttachment;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.control.Texts;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.Seminar;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The e-mail of registrations, through the outbox (in the transaction of the change), in the
 * registration's language. Every mail carries fresh personal links. People who share an address get
 * one mail: the contact's mail holds the tickets of the people registered with the contact's
 * address. Tickets carry the check-in code, its QR code (PNG) and the event's calendar file.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SeminarMail {

  static final String TEXTS = "eu.municipia.seminars.control.mail";

  /** Set while demo data is made: its addresses are invented, so nothing is mailed. */
  private static final ThreadLocal<Boolean> QUIET = ThreadLocal.withInitial(() -> false);

  @Inject Outbox outbox;
  @Inject PersonalLinks personalLinks;
  @Inject Links links;
  @Inject TenantContext tenants;
  @Inject Clock clock;

  /** Runs the work without mailing anyone (demo data, whose addresses are invented). */
  public static <T> T quietly(java.util.function.Supplier<T> work) {
    QUIET.set(true);
    try {
      return work.get();
    } finally {
      QUIET.remove();
    }
  }

  /** The link that confirms a public registration's address. */
  public void confirmAddress(Registration r, Seminar s, URI link) {
    if (QUIET.get()) {
      return;
    }
    Letter letter = letter(r, s);
    letter.line("confirm.body", link);
    letter.send(r.contactEmail(), "confirm.subject");
  }

  /** The registration entered (or an offer was accepted): confirmed with tickets, or waiting. */
  public void entered(Registration r, Seminar s, long position) {
    if (QUIET.get()) {
      return;
    }
    switch (r.status()) {
      case CONFIRMED -> confirmed(r, s);
      case WAITING -> {
        Letter letter = letter(r, s);
        letter.line("waiting.body", position);
        letter.people(r);
        letter.manage(r);
        letter.send(r.contactEmail(), "waiting.subject");
      }
      default -> throw new IllegalStateException("Nothing to tell of a " + r.status() + " entry");
    }
  }

  private void confirmed(Registration r, Seminar s) {
    Map<String, List<Participant>> byAddress = new LinkedHashMap<>();
    byAddress.put(r.contactEmail(), new ArrayList<>());
    for (Participant p : r.activePeople()) {
      byAddress.computeIfAbsent(p.email(), a -> new ArrayList<>()).add(p);
    }
    byAddress.forEach(
        (address, tickets) -> {
          Letter letter = letter(r, s);
          if (address.equals(r.contactEmail())) {
            letter.line("confirmed.body");
            letter.people(r);
            letter.manage(r);
          } else {
            letter.line("ticket.body", r.contactName());
          }
          tickets.forEach(letter::ticket);
          letter.calendar();
          letter.send(
              address, address.equals(r.contactEmail()) ? "confirmed.subject" : "ticket.subject");
        });
  }

  /** One person added to a confirmed registration gets a ticket. */
  public void added(Registration r, Seminar s, Participant p) {
    if (QUIET.get()) {
      return;
    }
    Letter letter = letter(r, s);
    letter.line("ticket.body", r.contactName());
    letter.ticket(p);
    letter.calendar();
    letter.send(p.email(), "ticket.subject");
  }

  public void offered(Registration r, Seminar s) {
    if (QUIET.get()) {
      return;
    }
    Letter letter = letter(r, s);
    letter.line(
        "offered.body",
        r.places(),
        EventTimes.moment(r.offerExpiresAt(), letter.locale),
        personalLinks.registration(r));
    letter.send(r.contactEmail(), "offered.subject");
  }

  public void offerExpired(Registration r, Seminar s) {
    if (QUIET.get()) {
      return;
    }
    letterTo(r, s, "expired");
  }

  /** The registration was cancelled (by the registrant, or an offer declined). */
  public void cancelled(Registration r, Seminar s) {
    if (QUIET.get()) {
      return;
    }
    letterTo(r, s, "cancelled");
  }

  /** One person's place was cancelled. */
  public void personCancelled(Registration r, Seminar s, Participant p) {
    if (QUIET.get()) {
      return;
    }
    Letter letter = letter(r, s);
    letter.line("personCancelled.body", p.name());
    letter.send(p.email(), "personCancelled.subject");
  }

  /** An admin moved the registration, with a reason. */
  public void moved(Registration r, Seminar s, String reason) {
    if (QUIET.get()) {
      return;
    }
    Letter letter = letter(r, s);
    letter.line("moved.body", letter.texts.getString("status." + r.status().name()), reason);
    letter.manage(r);
    letter.send(r.contactEmail(), "moved.subject");
  }

  /** The event was cancelled: the contact and every person with an address of their own. */
  public void eventCancelled(Registration r, Seminar s) {
    if (QUIET.get()) {
      return;
    }
    List<String> told = new ArrayList<>();
    told.add(r.contactEmail());
    for (Participant p : r.participants()) {
      if (p.email() != null && !told.contains(p.email())) {
        told.add(p.email());
      }
    }
    for (String address : told) {
      if (address != null) {
        Letter letter = letter(r, s);
        letter.line("eventCancelled.body", s.cancelReason());
        letter.send(address, "eventCancelled.subject");
      }
    }
  }

  /** The day before: one mail per person, with their ticket. */
  public void reminder(Participant p, Seminar s) {
    if (QUIET.get()) {
      return;
    }
    Letter letter = letter(p.registration(), s);
    letter.line("reminder.body");
    letter.ticket(p);
    letter.send(p.email(), "reminder.subject");
  }

  private void letterTo(Registration r, Seminar s, String what) {
    if (r.contactEmail() == null) {
      return; // erased on request: nobody to tell
    }
    Letter letter = letter(r, s);
    letter.line(what + ".body");
    letter.send(r.contactEmail(), what + ".subject");
  }

  private Letter letter(Registration r, Seminar s) {
    return new Letter(Locale.forLanguageTag(r.language()), s, tenants.current());
  }

  /** One e-mail being written: the event's summary first, the association's name last. */
  private final class Letter {

    private final Locale locale;
    private final ResourceBundle texts;
    private final Seminar seminar;
    private final Tenant tenant;
    private final StringBuilder body = new StringBuilder();
    private final List<OutboxAttachment.File> files = new ArrayList<>();
    private boolean calendar;

    Letter(Locale locale, Seminar seminar, Tenant tenant) {
      this.locale = locale;
      this.texts = ResourceBundle.getBundle(TEXTS, locale);
      this.seminar = seminar;
      this.tenant = tenant;
      body.append(texts.getString("greeting")).append("\n\n");
    }

    void line(String key, Object... arguments) {
      body.append(format(key, arguments)).append("\n\n");
    }

    void people(Registration r) {
      StringBuilder list = new StringBuilder();
      for (Participant p : r.activePeople()) {
        list.append("– ").append(p.name());
        if (p.role() != null) {
          list.append(", ").append(p.role());
        }
        list.append(" <").append(p.email()).append(">\n");
      }
      body.append(format("people", list.toString().trim())).append("\n\n");
    }

    void manage(Registration r) {
      line("manage", personalLinks.registration(r));
    }

    void ticket(Participant p) {
      line("ticket", p.name(), p.checkinCode(), personalLinks.ticket(p));
      URI checkIn =
          links
              .of(tenant)
              .page(
                  "/admin/seminars/checkin",
                  Map.of("id", seminar.id().toString(), "code", p.checkinCode()));
      files.add(
          new OutboxAttachment.File(
              "ticket-" + p.checkinCode() + ".png",
              "image/png",
              QrCodes.png(checkIn.toString(), 6)));
    }

    void calendar() {
      calendar = true;
    }

    void send(String address, String subjectKey) {
      if (address == null || QUIET.get()) {
        return;
      }
      String where = Seminars.where(seminar);
      String summary =
          format(
              "event",
              Texts.of(locale).text("seminar.kind." + seminar.kind().name()),
              seminar.title(),
              EventTimes.range(seminar.startsAt(), seminar.endsAt(), locale),
              where,
              links.of(tenant).page("/seminars/event", Map.of("id", seminar.id().toString())));
      String text = body.toString() + summary + "\n\n" + format("signature", tenant.name(locale));
      List<OutboxAttachment.File> attached = new ArrayList<>(files);
      if (calendar) {
        attached.add(
            new OutboxAttachment.File(
                "event.ics",
                "text/calendar; method=PUBLISH; charset=UTF-8",
                SeminarCalendar.of(
                    List.of(seminar), tenant.name(locale), links.of(tenant), clock.instant())));
      }
      String subject = format(subjectKey, tenant.name(locale), seminar.title());
      outbox.queue(address, subject, text, attached);
    }

    private String format(String key, Object... arguments) {
      return new MessageFormat(texts.getString(key), locale).format(arguments);
    }
  }
}
