package eu.municipia.dues.entity;

import static eu.municipia.membership.entity.MembershipStatus.ACTIVE;
import static eu.municipia.membership.entity.MembershipStatus.APPLIED;
import static eu.municipia.membership.entity.MembershipStatus.LEFT;
import static eu.municipia.membership.entity.MembershipStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DuesYearTest {

  private static final DuesYear Y2031 = new DuesYear(2031);

  @Test
  void activeAndSuspendedMembersOweTheDuesOfTheYear() {
    assertThat(Y2031.owedBy(ACTIVE, LocalDate.of(2004, 3, 1), null)).isTrue();
    assertThat(Y2031.owedBy(SUSPENDED, LocalDate.of(2004, 3, 1), null)).isTrue();
    assertThat(Y2031.owedBy(APPLIED, null, null)).isFalse();
  }

  @Test
  void aMemberThatJoinsOrLeavesDuringTheYearOwesTheWholeYear() {
    assertThat(Y2031.owedBy(ACTIVE, LocalDate.of(2031, 12, 31), null)).isTrue();
    assertThat(Y2031.owedBy(LEFT, LocalDate.of(2004, 3, 1), LocalDate.of(2031, 1, 1))).isTrue();
    assertThat(Y2031.owedBy(LEFT, LocalDate.of(2031, 6, 1), LocalDate.of(2031, 6, 30))).isTrue();
  }

  @Test
  void beforeJoiningAndAfterLeavingNothingIsOwed() {
    assertThat(Y2031.owedBy(ACTIVE, LocalDate.of(2032, 1, 1), null)).isFalse();
    assertThat(Y2031.owedBy(LEFT, LocalDate.of(2004, 3, 1), LocalDate.of(2030, 12, 31))).isFalse();
  }

  @Test
  void aYearIsBetween2000And2100() {
    assertThat(new DuesYear(2000).firstDay()).isEqualTo(LocalDate.of(2000, 1, 1));
    assertThat(new DuesYear(2100).lastDay()).isEqualTo(LocalDate.of(2100, 12, 31));
    assertThatThrownBy(() -> new DuesYear(1999))
        .isInstanceOfSatisfying(
            InvalidDuesException.class,
            e -> assertThat(e.errors()).containsEntry("year", "dues.error.year"));
    assertThatThrownBy(() -> new DuesYear(2101)).isInstanceOf(InvalidDuesException.class);
  }
}
