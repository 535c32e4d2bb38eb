package eu.municipia.newsletter.control;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.newsletter.entity.Bounce;
import org.junit.jupiter.api.Test;

/** Delivery reports and complaints about our messages, read from the raw mail. */
class BounceReportTest {

  static final String ID = "<0b4f8a00-1111-4222-8333-944455556666.smopk@municipia>";

  @Test
  void aPermanentFailureIsAHardBounceOfTheMessageAndItsAssociation() {
    String raw =
        "Subject: Undelivered Mail\r\n\r\nReporting-MTA: dns; mx\r\n"
            + "Final-Recipient: rfc822; jana@obec.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
            + "Diagnostic-Code: smtp; 550 user unknown\r\n\r\nMessage-ID: "
            + ID
            + "\r\n";
    BounceReport report = BounceReport.parse(raw).orElseThrow();
    assertThat(report.kind()).isEqualTo(Bounce.Kind.HARD);
    assertThat(report.recipient()).isEqualTo("jana@obec.example");
    assertThat(report.message().tenant()).isEqualTo("smopk");
    assertThat(report.message().id().toString()).isEqualTo("0b4f8a00-1111-4222-8333-944455556666");
    assertThat(report.reason()).contains("5.1.1", "550 user unknown");
  }

  @Test
  void aDelayIsSoftAComplaintIsAComplaintAndOtherMailIsNothing() {
    assertThat(BounceReport.parse("Status: 4.2.2\nMessage-ID: " + ID).orElseThrow().kind())
        .isEqualTo(Bounce.Kind.SOFT);
    assertThat(BounceReport.parse("Feedback-Type: abuse\nMessage-ID: " + ID).orElseThrow().kind())
        .isEqualTo(Bounce.Kind.COMPLAINT);
    assertThat(BounceReport.parse("Status: 2.0.0\nMessage-ID: " + ID)).isEmpty();
    assertThat(BounceReport.parse("Status: 5.1.1\nMessage-ID: <other@example.org>")).isEmpty();
    assertThat(BounceReport.parse("Hello, are you there?")).isEmpty();
  }
}
