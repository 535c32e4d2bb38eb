package eu.municipia.resolutions.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A body's rules decide a vote: quorum first, then the majority its type needs. */
class GoverningBodyTest {

  private static GoverningBody body(String majority, Map<String, String> overrides) {
    return new GoverningBody(
        new BodyForm(
            "Správní výbor",
            "Executive Committee",
            "EXECUTIVE_COMMITTEE",
            "SV/{year}/{n}",
            "MEMBERS",
            majority,
            overrides,
            false),
        1,
        Instant.EPOCH);
  }

  private static Tally tally(int basis, int present, int yes, int no, int abstained) {
    return new Tally(basis, present, present, yes, no, abstained);
  }

  @Test
  void aSimpleMajorityOfThosePresentIsMoreThanHalfOfThem() {
    GoverningBody body = body("HALF_OF_PRESENT", Map.of());
    Decision adopted = body.decide(ResolutionType.GENERAL, tally(9, 6, 4, 2, 0));
    assertThat(adopted.outcome()).isEqualTo(Outcome.ADOPTED);
    assertThat(adopted.needed()).isEqualTo(4);
    assertThat(adopted.quorum()).isEqualTo(5);
    assertThat(body.decide(ResolutionType.GENERAL, tally(9, 6, 3, 1, 2)).outcome())
        .as("a tie of 3 for and 3 not for: abstaining counts as not for")
        .isEqualTo(Outcome.REJECTED);
  }

  @Test
  void eachMajorityCountsItsOwnBasis() {
    assertThat(Majority.HALF_OF_PRESENT.needed(7, 9)).isEqualTo(4);
    assertThat(Majority.HALF_OF_ALL.needed(7, 9)).isEqualTo(5);
    assertThat(Majority.HALF_OF_ALL.needed(7, 10)).isEqualTo(6);
    assertThat(Majority.THREE_FIFTHS_OF_PRESENT.needed(7, 9)).as("4.2 rounds up").isEqualTo(5);
    assertThat(Majority.THREE_FIFTHS_OF_PRESENT.needed(5, 9)).as("exactly 3").isEqualTo(3);
    assertThat(Majority.THREE_FIFTHS_OF_ALL.needed(7, 9)).as("5.4").isEqualTo(6);
    assertThat(Majority.TWO_THIRDS_OF_PRESENT.needed(6, 9)).as("exactly 4").isEqualTo(4);
    assertThat(Majority.TWO_THIRDS_OF_PRESENT.needed(7, 9)).as("4.67").isEqualTo(5);
    assertThat(Majority.TWO_THIRDS_OF_ALL.needed(7, 9)).isEqualTo(6);
    assertThat(Majority.THREE_FIFTHS_OF_PRESENT.needed(0, 9)).as("never none").isEqualTo(1);
  }

  @Test
  void aTypeMayNeedAnotherMajorityThanTheBodysOwn() {
    GoverningBody body =
        body("HALF_OF_PRESENT", Map.of("STATUTES", "TWO_THIRDS_OF_ALL", "BUDGET", ""));
    assertThat(body.majorityFor(ResolutionType.STATUTES)).isEqualTo(Majority.TWO_THIRDS_OF_ALL);
    assertThat(body.majorityFor(ResolutionType.BUDGET))
        .as("an empty choice keeps the body's own")
        .isEqualTo(Majority.HALF_OF_PRESENT);
    Decision statutes = body.decide(ResolutionType.STATUTES, tally(9, 7, 5, 0, 2));
    assertThat(statutes.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(statutes.majority()).isEqualTo(Majority.TWO_THIRDS_OF_ALL);
    assertThat(statutes.needed()).isEqualTo(6);
    assertThat(body.decide(ResolutionType.GENERAL, tally(9, 7, 5, 0, 2)).outcome())
        .isEqualTo(Outcome.ADOPTED);
  }

  @Test
  void withoutQuorumNothingIsDecidedAndTheReasonSaysWhy() {
    GoverningBody body = body("HALF_OF_PRESENT", Map.of());
    assertThatThrownBy(() -> body.decide(ResolutionType.GENERAL, tally(9, 4, 4, 0, 0)))
        .isInstanceOf(NoQuorumException.class)
        .hasMessageContaining("4 of 9 present, 5 needed")
        .satisfies(e -> assertThat(((NoQuorumException) e).arguments()).containsExactly(4, 9, 5));
    assertThat(body.decide(ResolutionType.GENERAL, tally(10, 6, 4, 0, 2)).quorum())
        .as("more than half of 10")
        .isEqualTo(6);
    assertThatThrownBy(() -> body.decide(ResolutionType.GENERAL, tally(0, 0, 0, 0, 0)))
        .as("a body without members decides nothing")
        .isInstanceOf(NoQuorumException.class);
  }

  @Test
  void numbersFollowThePattern() {
    assertThat(body("HALF_OF_PRESENT", Map.of()).numberOf(2026, 14)).isEqualTo("SV/2026/14");
    assertThat(new NumberPattern("Sněm/{year}/{n}").format(2026, 3)).isEqualTo("Sněm/2026/3");
    assertThat(NumberPattern.isValid("SV/{n}")).as("numbers restart each year").isFalse();
    assertThat(NumberPattern.isValid("{year}/{n}/{n}")).isFalse();
    assertThat(NumberPattern.isValid("<b>{year}/{n}")).isFalse();
    assertThat(NumberPattern.isValid("R-{year}_{n}")).isTrue();
  }

  @Test
  void aFormNamesEveryFieldAtFault() {
    BodyForm form =
        new BodyForm(" ", null, "PARLIAMENT", "{n}", "X", "MOST", Map.of("STATUTES", "ALL"), null);
    assertThat(form.errors())
        .containsOnlyKeys(
            "nameCs", "kind", "numberPattern", "quorumBasis", "majority", "majorityOverrides");
  }
}
