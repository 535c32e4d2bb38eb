package eu.municipia.newsletter.control;

import eu.municipia.newsletter.entity.Bounce;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message in the bounce mailbox reports about one of ours: a delivery status notification
 * (RFC 3464: "Status: 5.1.1" is a hard bounce, 4.x.x a soft one) or a complaint (RFC 5965 feedback
 * report), the recipient, and which of our messages it was (its Message-ID, which the report quotes
 * with the original headers, names the message and the association).
 */
record BounceReport(Bounces.OurMessage message, String recipient, Bounce.Kind kind, String reason) {

  private static final Pattern STATUS =
      Pattern.compile("(?im)^Status:\\s*([245])\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern RECIPIENT =
      Pattern.compile(
          "(?im)^(?:Final|Original)-Recipient:\\s*rfc822;\\s*<?([^\\s<>]+@[^\\s<>]+)>?");
  private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");
  private static final Pattern FEEDBACK = Pattern.compile("(?im)^Feedback-Type:\\s*(\\S+)");

  /** The report in the raw text of a message, if it is one about a message of ours. */
  static Optional<BounceReport> parse(String raw) {
    Matcher id = Bounces.MESSAGE_ID.matcher(raw);
    if (!id.find()) {
      return Optional.empty();
    }
    Bounces.OurMessage message =
        new Bounces.OurMessage(java.util.UUID.fromString(id.group(1)), id.group(2));
    Matcher recipient = RECIPIENT.matcher(raw);
    String address = recipient.find() ? recipient.group(1) : null;
    Matcher feedback = FEEDBACK.matcher(raw);
    if (feedback.find()) {
      return Optional.of(
          new BounceReport(
              message, address, Bounce.Kind.COMPLAINT, "complaint: " + feedback.group(1)));
    }
    Matcher status = STATUS.matcher(raw);
    if (!status.find() || status.group(1).equals("2")) {
      return Optional.empty();
    }
    Matcher diagnostic = DIAGNOSTIC.matcher(raw);
    String code = status.group(1) + "." + status.group(2) + "." + status.group(3);
    String reason = code + (diagnostic.find() ? " " + diagnostic.group(1).trim() : "");
    return Optional.of(
        new BounceReport(
            message,
            address,
            status.group(1).equals("5") ? Bounce.Kind.HARD : Bounce.Kind.SOFT,
            reason));
  }
}
