package eu.municipia.newsletter.control;

import java.util.Objects;

/**
 * What an issue says as an e-mail: subject, plain text and HTML, written once for every subscriber.
 * The texts carry the placeholder {@link #UNSUBSCRIBE} where each subscriber's own unsubscribe link
 * goes (visible in both parts, as every newsletter must have one).
 */
public record NewsletterMail(String subject, String text, String html) {

  /** Each subscriber's unsubscribe page; the HTML gets it escaped. */
  public static final String UNSUBSCRIBE = "{{unsubscribe}}";

  public NewsletterMail {
    Objects.requireNonNull(subject, "subject is required");
    Objects.requireNonNull(text, "text is required");
    Objects.requireNonNull(html, "html is required");
  }
}
