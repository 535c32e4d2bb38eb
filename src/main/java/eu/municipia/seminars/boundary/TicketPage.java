package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.platform.boundary.Shell;
import eu.municipia.platform.control.Links;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.seminars.control.CertificateIssuer;
import eu.municipia.seminars.control.PersonalLinks;
import eu.municipia.seminars.control.QrCodes;
import eu.municipia.seminars.control.Seminars;
import eu.municipia.seminars.entity.Participant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * One person's ticket (/{tenant}/seminars/ticket?token=…), from the personal link in their mail:
 * the event, their check-in code and its QR code, "add to calendar", cancelling their place, and
 * after the event their certificate of attendance. Stateless: the form carries the token.
 */
@Named
@RequestScoped
public class TicketPage extends PersonalLinkPage {

  @Inject Seminars seminars;
  @Inject CertificateIssuer certificates;
  @Inject Links links;
  @Inject Shell shell;
  @Inject Clock clock;
  @Inject HttpServletRequest request;

  /** What the ticket shows. */
  public record Ticket(
      RegistrationView.PersonView person,
      String status,
      String statusText,
      boolean live,
      String qr,
      boolean certificateReady) {}

  private Ticket ticket;
  private EventView event;
  private boolean cancelled;

  @Override
  protected boolean show(PersonalLinks.Opened opened) {
    if (opened.participant().isEmpty()) {
      return false;
    }
    Participant p = opened.participant().get();
    var s = seminars.require(p.seminarId());
    event = EventView.of(s, seminars.places(s), shell.getLocale(), clock.instant());
    String checkIn =
        links
            .of(shell.tenant().orElseThrow())
            .page(
                "/admin/seminars/checkin", Map.of("id", s.id().toString(), "code", p.checkinCode()))
            .toString();
    var person = RegistrationView.person(p, shell.getLocale());
    String status = p.registration().status().name();
    ticket =
        new Ticket(
            person,
            status,
            FormMessages.text("seminar.status." + status),
            person.registered(),
            QrCodes.svg(checkIn, FormMessages.text("seminar.ticket.qr", p.checkinCode())),
            certificates.isReady(p));
    return true;
  }

  public void cancel() {
    try {
      registrations.cancel(getToken());
      cancelled = true;
      FormMessages.info("seminar.done.personCancelled");
    } catch (Refusal e) {
      Pages.show("ticket", e);
    }
    reread();
  }

  public Ticket getTicket() {
    read();
    return ticket;
  }

  public EventView getEvent() {
    read();
    return event;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  public String getCertificateUrl() {
    return request.getContextPath()
        + "/api/v1/tenants/"
        + shell.tenant().map(t -> t.id()).orElse("")
        + "/seminar-registrations/certificate.pdf?token="
        + URLEncoder.encode(getToken(), StandardCharsets.UTF_8);
  }
}
