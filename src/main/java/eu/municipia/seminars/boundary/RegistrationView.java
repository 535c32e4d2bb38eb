package eu.municipia.seminars.boundary;

import eu.municipia.platform.boundary.FormMessages;
import eu.municipia.seminars.control.EventTimes;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.Registration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A registration as its registrant (or the admin) reads it on a page, read inside a transaction:
 * status in words, place in line, the offer's deadline, its people.
 */
public record RegistrationView(
    UUID id,
    String status,
    String statusText,
    Long number,
    long position,
    int places,
    String from,
    String contactName,
    String contactEmail,
    String offerExpires,
    String cancelReason,
    String registeredAt,
    List<PersonView> people) {

  /** A person of the registration. */
  public record PersonView(
      UUID id,
      String name,
      String email,
      String role,
      boolean registered,
      String checkinCode,
      String checkedInAt) {}

  public static RegistrationView of(Registration r, long position, String from, Locale locale) {
    return new RegistrationView(
        r.id(),
        r.status().name(),
        FormMessages.text("seminar.status." + r.status().name()),
        r.number(),
        position,
        r.places(),
        from,
        r.contactName(),
        r.contactEmail(),
        r.offerExpiresAt() == null ? null : EventTimes.moment(r.offerExpiresAt(), locale),
        r.cancelReason() == null ? null : FormMessages.text(r.cancelReason()),
        EventTimes.moment(r.createdAt(), locale),
        r.participants().stream()
            .filter(p -> p.erasedAt() == null)
            .map(p -> person(p, locale))
            .toList());
  }

  static PersonView person(Participant p, Locale locale) {
    return new PersonView(
        p.id(),
        p.name(),
        p.email(),
        p.role(),
        p.cancelledAt() == null && p.registration().status().isLive(),
        p.checkinCode(),
        p.checkedInAt() == null ? null : EventTimes.moment(p.checkedInAt(), locale));
  }

  public boolean isOffered() {
    return "OFFERED".equals(status);
  }

  public boolean isConfirmed() {
    return "CONFIRMED".equals(status);
  }

  public boolean isWaiting() {
    return "WAITING".equals(status);
  }

  public boolean isLive() {
    return isOffered() || isConfirmed() || isWaiting();
  }
}
