package eu.municipia.membership.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IcoTest {

  @Test
  void theCheckDigitIsVerified() {
    assertThat(Ico.isValid("00075370")).as("the city of Plzeň").isTrue();
    assertThat(Ico.isValid("70893012")).isTrue();
    assertThat(Ico.isValid("00075371")).isFalse();
    assertThat(Ico.isValid("70893013")).isFalse();
  }

  @Test
  void onlyEightDigitsAreAnIco() {
    assertThat(Ico.isValid("540927")).as("a municipality code").isFalse();
    assertThat(Ico.isValid("0007537a")).isFalse();
    assertThat(Ico.isValid(null)).isFalse();
    assertThatThrownBy(() -> new Ico("123")).isInstanceOf(IllegalArgumentException.class);
  }
}
