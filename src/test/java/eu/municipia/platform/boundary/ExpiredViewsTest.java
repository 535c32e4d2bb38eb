package eu.municipia.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a form whose view was lost sends its visitor: the same page, with its own query. */
class ExpiredViewsTest {

  @Test
  void thePagesQueryStaysAndExpiredIsSaidOnce() {
    assertThat(ExpiredViews.Handler.withExpired(null)).isEqualTo("expired=1");
    assertThat(ExpiredViews.Handler.withExpired("")).isEqualTo("expired=1");
    assertThat(ExpiredViews.Handler.withExpired("id=42")).isEqualTo("id=42&expired=1");
    assertThat(ExpiredViews.Handler.withExpired("id=42&expired=1&&q=a%26b"))
        .isEqualTo("id=42&q=a%26b&expired=1");
  }
}
