package eu.municipia.seminars.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.platform.entity.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The event decides places and the waitlist (what the database lock then serialises). */
class SeminarTest {

  private static final Instant NOW = Instant.parse("2031-03-01T10:00:00Z");

  private int people;

  @Test
  void registrationsThatFitAreConfirmedInArrivalOrderAndTheRestWait() {
    Seminar seminar = Events.seminar(3, NOW);
    List<Registration> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Registration r = registration(seminar, 1);
      seminar.admit(r, NOW);
      all.add(r);
    }
    assertThat(all).extracting(Registration::number).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(all)
        .extracting(Registration::status)
        .containsExactly(
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.WAITING,
            RegistrationStatus.WAITING);
    assertThat(seminar.heldPlaces()).isEqualTo(3);
    assertThat(seminar.free()).isZero();
  }

  @Test
  void aGroupIsConfirmedWholeOrWaitsWhole() {
    Seminar seminar = Events.seminar(4, NOW);
    Registration three = registration(seminar, 3);
    Registration two = registration(seminar, 2);
    seminar.admit(three, NOW);
    seminar.admit(two, NOW);
    assertThat(three.status()).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(two.status()).as("2 do not fit into 1").isEqualTo(RegistrationStatus.WAITING);
    assertThat(seminar.heldPlaces()).isEqualTo(3);
  }

  @Test
  void aFreedPlaceIsOfferedOnceToTheFirstThatFitsAndHeldUntilTheOfferExpires() {
    Seminar seminar = Events.seminar(2, NOW);
    Registration a = admitted(seminar, 1);
    admitted(seminar, 1);
    Registration pair = admitted(seminar, 2);
    Registration single = admitted(seminar, 1);
    Registration last = admitted(seminar, 1);

    seminar.cancel(a, "test", NOW);
    List<Registration> offered = seminar.moveWaitlist(List.of(pair, single, last), NOW);

    assertThat(offered)
        .as("the pair does not fit into one place; the next single does")
        .containsExactly(single);
    assertThat(single.status()).isEqualTo(RegistrationStatus.OFFERED);
    assertThat(single.offerExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(48)));
    assertThat(last.status()).isEqualTo(RegistrationStatus.WAITING);
    assertThat(seminar.free()).as("the offer holds the place").isZero();
    assertThat(seminar.moveWaitlist(List.of(pair, last), NOW))
        .as("offered once at a time")
        .isEmpty();

    seminar.cancel(single, "seminar.reason.offerExpired", NOW.plus(Duration.ofHours(49)));
    assertThat(seminar.moveWaitlist(List.of(pair, last), NOW.plus(Duration.ofHours(49))))
        .containsExactly(last);
  }

  @Test
  void anAcceptedOfferKeepsItsPlacesAndNothingIsOfferedAfterTheStart() {
    Seminar seminar = Events.seminar(1, NOW);
    Registration first = admitted(seminar, 1);
    Registration second = admitted(seminar, 1);
    seminar.cancel(first, "test", NOW);
    seminar.moveWaitlist(List.of(second), NOW);
    seminar.accept(second, NOW);
    assertThat(second.status()).isEqualTo(RegistrationStatus.CONFIRMED);
    assertThat(seminar.heldPlaces()).isEqualTo(1);

    Registration third = admitted(seminar, 1);
    seminar.cancel(second, "test", NOW);
    assertThat(seminar.moveWaitlist(List.of(third), seminar.startsAt())).isEmpty();
  }

  @Test
  void anOfferNeverOutlastsTheStart() {
    Seminar seminar = Events.seminar(1, NOW);
    Registration first = admitted(seminar, 1);
    Registration second = admitted(seminar, 1);
    seminar.cancel(first, "test", NOW);
    Instant lateInTheDay = seminar.startsAt().minus(Duration.ofHours(2));
    seminar.moveWaitlist(List.of(second), lateInTheDay);
    assertThat(second.offerExpiresAt()).isEqualTo(seminar.startsAt());
  }

  @Test
  void theCapacityCannotFallBelowThePlacesTakenAndMorePeopleThanPlacesAreRefused() {
    Seminar seminar = Events.seminar(3, NOW);
    admitted(seminar, 2);
    EventForm smaller = Events.form("2031-03-28T09:00", "2031-03-28T16:00", 1);
    assertThatThrownBy(() -> seminar.change(smaller.details(NOW)))
        .isInstanceOf(Refusal.class)
        .satisfies(e -> assertThat(((Refusal) e).fields()).containsKey("capacity"));
    assertThatThrownBy(() -> seminar.admit(registration(seminar, 4), NOW))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void oneCancelledPersonOfAConfirmedGroupFreesOnePlace() {
    Seminar seminar = Events.seminar(3, NOW);
    Registration group = admitted(seminar, 3);
    seminar.cancel(group, group.participants().get(1), NOW);
    assertThat(group.places()).isEqualTo(2);
    assertThat(group.participants().get(1).isActive()).isFalse();
    assertThat(seminar.free()).isEqualTo(1);
  }

  @Test
  void theFormRefusesEveryFieldAtFaultAtOnce() {
    EventForm form =
        new EventForm(
            "PARTY",
            " ",
            null,
            null,
            null,
            "2031-13-01T09:00",
            "yesterday",
            null,
            null,
            "91",
            "200",
            "ftp://x",
            "0",
            null,
            null,
            "EVERYONE",
            "-5",
            "0",
            List.of());
    assertThat(form.errors())
        .containsKeys(
            "kind",
            "title",
            "startsAt",
            "endsAt",
            "latitude",
            "onlineUrl",
            "capacity",
            "audience",
            "fee",
            "offerHours");
  }

  @Test
  void checkingInTwiceChangesNothingAndGivesOneCertificate() {
    Seminar seminar = Events.seminar(2, NOW);
    Registration r = admitted(seminar, 1);
    Participant p = r.participants().get(0);
    assertThat(p.checkIn("admin", NOW)).isTrue();
    String certificate = p.certificateCode();
    assertThat(certificate).matches("[0-9A-Z]{16}");
    assertThat(p.checkIn("admin", NOW.plusSeconds(60))).isFalse();
    assertThat(p.certificateCode()).isEqualTo(certificate);
    assertThat(p.checkedInAt()).isEqualTo(NOW);
  }

  private Registration admitted(Seminar seminar, int size) {
    Registration r = registration(seminar, size);
    seminar.admit(r, NOW);
    return r;
  }

  private Registration registration(Seminar seminar, int size) {
    List<Participant.Person> persons =
        IntStream.range(0, size)
            .mapToObj(
                i ->
                    new Participant.Person(
                        "Person " + (++people), "p" + people + "@obec.example", null))
            .toList();
    return new Registration(
        seminar.id(),
        persons,
        new Registration.Contact("Contact", "contact@obec.example", "cs"),
        null,
        null,
        "test",
        false,
        NOW);
  }
}
