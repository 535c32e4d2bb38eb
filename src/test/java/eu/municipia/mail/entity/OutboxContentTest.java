package eu.municipia.mail.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shared text filled in per message: HTML gets escaped values, unknown placeholders empty. */
class OutboxContentTest {

  @Test
  void placeholdersAreFilledAndEscapedInHtml() {
    Map<String, String> values = Map.of("unsubscribe", "https://x.example/u?a=1&b=\"2\"");
    assertThat(OutboxContent.fill("Odhlásit: {{unsubscribe}}", values, false))
        .isEqualTo("Odhlásit: https://x.example/u?a=1&b=\"2\"");
    assertThat(OutboxContent.fill("<a href=\"{{unsubscribe}}\">x</a>{{missing}}", values, true))
        .isEqualTo("<a href=\"https://x.example/u?a=1&amp;b=&quot;2&quot;\">x</a>");
    assertThat(OutboxContent.fill("$1 \\ {{unsubscribe}}", Map.of("unsubscribe", "$2\\"), false))
        .isEqualTo("$1 \\ $2\\");
    assertThat(OutboxContent.fill(null, values, true)).isNull();
  }
}
