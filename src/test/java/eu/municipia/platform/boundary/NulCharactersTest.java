package eu.municipia.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NulCharactersTest {

  @Test
  void findsJsonsEscapeForNulAndARawNulByte() {
    assertThat(NulCharacters.holdsNul(utf8("{\"name\":\"a\\u0000b\"}"))).isTrue();
    assertThat(NulCharacters.holdsNul(utf8("{\"name\":\"\\\\\\u0000\"}"))).isTrue();
    assertThat(NulCharacters.holdsNul(new byte[] {'"', 'a', 0, '"'})).isTrue();
  }

  @Test
  void anEscapedBackslashBeforeU0000IsPlainText() {
    assertThat(NulCharacters.holdsNul(utf8("{\"path\":\"C:\\\\u0000\"}"))).isFalse();
    assertThat(NulCharacters.holdsNul(utf8("{\"name\":\"Čilá \\u0001 \\u00e1\"}"))).isFalse();
    assertThat(NulCharacters.holdsNul(utf8("\\u000"))).isFalse();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
