package eu.municipia.seminars.boundary;

import eu.municipia.seminars.control.Seminars;
import eu.municipia.seminars.entity.EventForm;
import eu.municipia.seminars.entity.Participant;
import eu.municipia.seminars.entity.ProgrammeItem;
import eu.municipia.seminars.entity.Registration;
import eu.municipia.seminars.entity.Seminar;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the seminars API answers and takes: records for JSON, made from the entities. */
public final class SeminarViews {

  private SeminarViews() {}

  /** An event in a list. */
  public record Summary(
      UUID id,
      String kind,
      String title,
      String topic,
      Instant startsAt,
      Instant endsAt,
      String where,
      String audience,
      int capacity,
      int free,
      int waiting,
      boolean registrationOpen,
      boolean cancelled) {

    static Summary of(Seminar s, Seminars.Places places) {
      return new Summary(
          s.id(),
          s.kind().name(),
          s.title(),
          s.topic(),
          s.startsAt(),
          s.endsAt(),
          Seminars.where(s),
          s.audience().name(),
          s.capacity(),
          places.free(),
          places.waiting(),
          places.open(),
          s.isCancelled());
    }
  }

  public record Item(Instant startsAt, Instant endsAt, String title, String lecturer) {
    static Item of(ProgrammeItem i) {
      return new Item(i.startsAt(), i.endsAt(), i.title(), i.lecturer());
    }
  }

  /** An event with everything about it (nothing personal). */
  public record Detail(
      UUID id,
      String kind,
      String title,
      String description,
      String topic,
      String lecturers,
      Instant startsAt,
      Instant endsAt,
      String venue,
      String address,
      Double latitude,
      Double longitude,
      String onlineUrl,
      int capacity,
      int free,
      int waiting,
      Instant registrationOpensAt,
      Instant registrationClosesAt,
      boolean registrationOpen,
      String audience,
      BigDecimal fee,
      int offerHours,
      List<Item> programme,
      Instant cancelledAt,
      String cancelReason) {

    static Detail of(Seminar s, Seminars.Places places) {
      return new Detail(
          s.id(),
          s.kind().name(),
          s.title(),
          s.description(),
          s.topic(),
          s.lecturers(),
          s.startsAt(),
          s.endsAt(),
          s.venue(),
          s.address(),
          s.latitude(),
          s.longitude(),
          s.onlineUrl(),
          s.capacity(),
          places.free(),
          places.waiting(),
          s.registrationOpensAt(),
          s.registrationClosesAt(),
          places.open(),
          s.audience().name(),
          s.fee(),
          s.offerHours(),
          s.programme().stream().map(Item::of).toList(),
          s.cancelledAt(),
          s.cancelReason());
    }
  }

  /** An event as the admin sends it: times local to Prague ("2026-03-28T09:00"). */
  public record EventBody(
      String kind,
      String title,
      String description,
      String topic,
      String lecturers,
      String startsAt,
      String endsAt,
      String venue,
      String address,
      Double latitude,
      Double longitude,
      String onlineUrl,
      Integer capacity,
      String registrationOpensAt,
      String registrationClosesAt,
      String audience,
      BigDecimal fee,
      Integer offerHours,
      List<ItemBody> programme) {

    EventForm form(int defaultOfferHours) {
      return new EventForm(
          kind,
          title,
          description,
          topic,
          lecturers,
          startsAt,
          endsAt,
          venue,
          address,
          text(latitude),
          text(longitude),
          onlineUrl,
          text(capacity),
          registrationOpensAt,
          registrationClosesAt,
          audience,
          fee == null ? null : fee.toPlainString(),
          Integer.toString(offerHours == null ? defaultOfferHours : offerHours),
          programme == null
              ? List.of()
              : programme.stream()
                  .map(
                      i ->
                          i == null
                              ? new EventForm.ProgrammeLine(null, null, null, null)
                              : new EventForm.ProgrammeLine(
                                  i.startsAt(), i.endsAt(), i.title(), i.lecturer()))
                  .toList());
    }

    private static String text(Object value) {
      return value == null ? null : value.toString();
    }
  }

  public record ItemBody(String startsAt, String endsAt, String title, String lecturer) {}

  /** A person of a registration, for those who may see them (the admin, the registrant). */
  public record Person(
      UUID id,
      String name,
      String email,
      String role,
      boolean registered,
      Instant checkedInAt,
      String certificate) {

    static Person of(Participant p) {
      return new Person(
          p.id(),
          p.name(),
          p.email(),
          p.role(),
          p.isActive(),
          p.checkedInAt(),
          p.certificateCode());
    }
  }

  /** A registration, for the admin and the registrant. */
  public record RegistrationView(
      UUID id,
      UUID seminar,
      String status,
      Long number,
      long position,
      int places,
      String from,
      String contactName,
      String contactEmail,
      Instant registeredAt,
      Instant offerExpiresAt,
      Instant cancelledAt,
      String cancelReason,
      List<Person> people) {

    static RegistrationView of(Registration r, long position, String from) {
      return new RegistrationView(
          r.id(),
          r.seminarId(),
          r.status().name(),
          r.number(),
          position,
          r.places(),
          from,
          r.contactName(),
          r.contactEmail(),
          r.createdAt(),
          r.offerExpiresAt(),
          r.cancelledAt(),
          r.cancelReason(),
          r.participants().stream().map(Person::of).toList());
    }
  }
}
