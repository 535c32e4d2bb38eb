package eu.municipia.membership.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.platform.entity.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What the member page and the members API both refuse, checked once. */
class NewMemberTest {

  private static final LocalDate SINCE = LocalDate.of(2026, 1, 1);

  @Test
  void aMunicipalityNeedsItsCodeAndTheDayItJoined() {
    assertThat(new NewMember("540927", null, null, null, SINCE).errors()).isEmpty();
    assertThat(new NewMember("54092", null, null, null, null).errors())
        .containsOnlyKeys("code", "since");
  }

  @Test
  void anOrganizationNeedsAValidIcoANameAndAKind() {
    assertThat(
            new NewMember(null, "25596641", "Mikroregion Radnicko", "microregion", SINCE).errors())
        .isEmpty();
    assertThat(new NewMember(null, "25596642", " ", "castle", SINCE).errors())
        .containsOnlyKeys("ico", "name", "kind");
  }

  @Test
  void aDayOutsideTheYears1900To2100IsATypingMistake() {
    assertThat(new NewMember("540927", null, null, null, LocalDate.of(-2026, 1, 1)).errors())
        .containsEntry("since", "date.error.range");
    assertThat(new NewMember("540927", null, null, null, LocalDate.of(20260, 1, 1)).errors())
        .containsKey("since");
    assertThatThrownBy(
            () ->
                Membership.active(new MunicipalityCode("CZ", "540927"), LocalDate.of(1899, 12, 31)))
        .isInstanceOf(Refusal.class)
        .satisfies(e -> assertThat(((Refusal) e).fields()).containsKey("since"));
  }
}
