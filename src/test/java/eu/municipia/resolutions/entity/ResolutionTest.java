package eu.municipia.resolutions.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.Refusal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A published resolution's text changes only by a visible revision; attendance decides presence.
 */
class ResolutionTest {

  private static final Caller ADMIN =
      new Caller("i", "s", "admin", "Anna Nováková", null, Set.of("smopk"), false);
  private static final LocalDateTime START = LocalDateTime.of(2026, 3, 12, 14, 0);

  private static Resolution resolution() {
    GoverningBody body =
        new GoverningBody(
            new BodyForm(
                "Správní výbor",
                null,
                "EXECUTIVE_COMMITTEE",
                "SV/{year}/{n}",
                "MEMBERS",
                "HALF_OF_PRESENT",
                Map.of(),
                false),
            1,
            Instant.EPOCH);
    Meeting meeting =
        new Meeting(body.id(), new MeetingForm(12, START, "Plzeň", null), Instant.EPOCH);
    ResolutionForm form =
        new ResolutionForm(
            meeting.id(),
            null,
            "BUDGET",
            "Rozpočet 2026",
            "Správní výbor schvaluje rozpočet.",
            START.plusMinutes(20),
            5,
            0,
            0,
            null,
            "PUBLIC",
            null,
            null);
    Tally tally = new Tally(7, 5, 5, 5, 0, 0);
    return new Resolution(
        body,
        meeting,
        14,
        form,
        tally,
        body.decide(form.resolutionType(), tally),
        null,
        ADMIN,
        Instant.EPOCH);
  }

  @Test
  void aDraftChangesFreelyAndAPublishedOneOnlyByARevisionWithAReason() {
    Resolution r = resolution();
    assertThat(r.number()).isEqualTo("SV/2026/14");
    assertThat(r.outcome()).isEqualTo(Outcome.ADOPTED);
    assertThat(r.readableBy(true)).as("a draft is for admins only").isFalse();
    assertThat(r.changeText("Rozpočet na rok 2026", r.text(), null, ADMIN, Instant.EPOCH))
        .isEmpty();

    r.publish(Instant.EPOCH);
    assertThat(r.readableBy(false)).isTrue();
    assertThatThrownBy(() -> r.changeText("Rozpočet", r.text(), " ", ADMIN, Instant.EPOCH))
        .isInstanceOf(Refusal.class)
        .satisfies(e -> assertThat(((Refusal) e).fields()).containsKey("reason"));
    Revision revision =
        r.changeText("Rozpočet", r.text(), "Překlep v názvu", ADMIN, Instant.EPOCH).orElseThrow();
    assertThat(revision.titleBefore()).isEqualTo("Rozpočet na rok 2026");
    assertThat(revision.titleAfter()).isEqualTo("Rozpočet");
    assertThat(revision.revisedByName()).isEqualTo("Anna Nováková");
    assertThatThrownBy(() -> r.publish(Instant.EPOCH)).isInstanceOf(Refusal.class);
  }

  @Test
  void someoneIsPresentFromArrivalUntilDeparture() {
    Attendance stay =
        new Attendance(
            java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), START, START.plusHours(1));
    assertThat(stay.presentAt(START.minusMinutes(1))).isFalse();
    assertThat(stay.presentAt(START)).isTrue();
    assertThat(stay.presentAt(START.plusMinutes(59))).isTrue();
    assertThat(stay.presentAt(START.plusHours(1))).as("gone at the moment of leaving").isFalse();
    assertThatThrownBy(() -> stay.leave(START)).isInstanceOf(Refusal.class);
  }

  @Test
  void onlyAPdfIsTakenAsAFile() {
    assertThat(MeetingFile.isPdf("%PDF-1.7\n...".getBytes())).isTrue();
    assertThat(MeetingFile.isPdf("<html>%PDF-".getBytes())).as("within the first KiB").isTrue();
    assertThat(MeetingFile.isPdf("MZ executable".getBytes())).isFalse();
    assertThat(MeetingFile.safeName("../../zápis \"1\".PDF")).isEqualTo("zápis 1.PDF");
    assertThat(MeetingFile.safeName(null)).isEqualTo("document.pdf");
  }
}
