package eu.municipia.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvitationTest {

  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Caller ADMIN =
      new Caller("iss", "sub-admin", "spravce", "Správce", null, Set.of("smocr"), false);
  private static final Caller OWNER =
      new Caller("iss", "sub-owner", "starosta", "Starosta", null, Set.of("smopk"), false);

  private static Invitation.Issued issued() {
    return Invitation.issue(
        "starosta@obec.example",
        "iss",
        "sub-owner",
        Role.MEMBER_OFFICIAL,
        "official:1",
        ADMIN,
        NOW,
        WEEK);
  }

  @Test
  void theTokenIsRandomAndKeptOnlyAsItsHash() {
    Invitation.Issued one = issued();
    Invitation.Issued two = issued();

    assertThat(one.token()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(two.token());
    assertThat(Invitation.hash(one.token())).matches("[0-9a-f]{64}");
    assertThat(one.invitation().auditState().toString()).doesNotContain(one.token());
  }

  @Test
  void onlyTheInvitedAccountAcceptsAndOnlyOnce() {
    Invitation invitation = issued().invitation();

    assertThatThrownBy(() -> invitation.accept(ADMIN, NOW))
        .isInstanceOf(InvitationRefusedException.class)
        .extracting(e -> ((InvitationRefusedException) e).reason())
        .isEqualTo(InvitationRefusedException.Reason.OTHER_ACCOUNT);
    Caller sameSubjectOtherIssuer =
        new Caller("other-iss", "sub-owner", "x", "X", null, Set.of(), false);
    assertThatThrownBy(() -> invitation.accept(sameSubjectOtherIssuer, NOW))
        .isInstanceOf(InvitationRefusedException.class);

    invitation.accept(OWNER, NOW.plusSeconds(60));
    assertThat(invitation.status(NOW.plusSeconds(61))).isEqualTo(Invitation.Status.ACCEPTED);
    assertThatThrownBy(() -> invitation.accept(OWNER, NOW.plusSeconds(120)))
        .extracting(e -> ((InvitationRefusedException) e).reason())
        .isEqualTo(InvitationRefusedException.Reason.USED);
  }

  @Test
  void anInvitationExpiresAndAWithdrawnOneCannotBeAccepted() {
    Invitation expired = issued().invitation();
    assertThat(expired.status(NOW.plus(WEEK).minusSeconds(1))).isEqualTo(Invitation.Status.PENDING);
    assertThatThrownBy(() -> expired.accept(OWNER, NOW.plus(WEEK)))
        .extracting(e -> ((InvitationRefusedException) e).reason())
        .isEqualTo(InvitationRefusedException.Reason.EXPIRED);

    Invitation withdrawn = issued().invitation();
    withdrawn.withdraw(NOW);
    assertThatThrownBy(() -> withdrawn.accept(OWNER, NOW))
        .extracting(e -> ((InvitationRefusedException) e).reason())
        .isEqualTo(InvitationRefusedException.Reason.WITHDRAWN);
  }
}
