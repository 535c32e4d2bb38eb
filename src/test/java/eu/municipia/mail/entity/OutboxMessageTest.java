package eu.municipia.mail.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void theWaitDoublesFromTenSecondsUpToAnHour() {
    assertThat(OutboxMessage.waitAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(OutboxMessage.waitAfter(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(OutboxMessage.waitAfter(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(OutboxMessage.waitAfter(9)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(OutboxMessage.waitAfter(10)).isEqualTo(Duration.ofHours(1));
    assertThat(OutboxMessage.waitAfter(49)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aMessageGivesUpAfterItsLastAttemptAndStopsBeingPending() {
    OutboxMessage m = new OutboxMessage("a@b.example", "Subject", "Body", NOW);
    for (int i = 1; i < OutboxMessage.MAX_ATTEMPTS; i++) {
      m.attemptFailed("connection refused", NOW);
      assertThat(m.isPending()).as("after attempt " + i).isTrue();
    }
    m.attemptFailed("connection refused", NOW);
    assertThat(m.isPending()).isFalse();
    assertThat(m.attempts()).isEqualTo(OutboxMessage.MAX_ATTEMPTS);
    assertThat(m.lastError()).isEqualTo("connection refused");
  }

  @Test
  void aSentMessageIsNoLongerPending() {
    OutboxMessage m = new OutboxMessage("a@b.example", "Subject", "Body", NOW);
    m.attemptFailed("timeout", NOW);
    m.sent(NOW.plusSeconds(10));
    assertThat(m.isPending()).isFalse();
    assertThat(m.lastError()).isNull();
  }

  @Test
  void aMessageNeedsARecipientAndASubject() {
    assertThatThrownBy(() -> new OutboxMessage(" ", "S", "B", NOW))
        .hasMessageContaining("recipient");
    assertThatThrownBy(() -> new OutboxMessage("a@b.example", null, "B", NOW))
        .hasMessageContaining("subject");
  }
}
