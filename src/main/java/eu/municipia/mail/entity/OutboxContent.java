package eu.municipia.mail.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text that many messages share (a newsletter issue for every subscriber), written once: the
 * subject, the plain text, the HTML and extra headers, with {@code {{name}}} placeholders that each
 * message fills in with its own values (its unsubscribe link). Values put into the HTML are
 * escaped; a placeholder without a value stays empty.
 */
@Entity
@Table(name = "outbox_content")
public class OutboxContent extends TenantOwned {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]*)}}");

  @Id private UUID id;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  @Column(name = "html_body")
  private String htmlBody;

  /** Extra header lines, "Name: value" each on its own line. */
  private String headers;

  @Column(name = "from_name")
  private String fromName;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OutboxContent() {}

  public OutboxContent(
      String subject, String body, String htmlBody, String headers, String fromName, Instant now) {
    this.id = UUID.randomUUID();
    this.subject = Objects.requireNonNull(subject, "subject is required");
    this.body = Objects.requireNonNull(body, "body is required");
    this.htmlBody = htmlBody;
    this.headers = headers;
    this.fromName = fromName;
    this.createdAt = now;
  }

  /** The text with its placeholders filled in (HTML-escaped where {@code html}). */
  public static String fill(String template, Map<String, String> values, boolean html) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    while (m.find()) {
      String value = values.getOrDefault(m.group(1), "");
      m.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  public UUID id() {
    return id;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public String htmlBody() {
    return htmlBody;
  }

  public String headers() {
    return headers;
  }

  public String fromName() {
    return fromName;
  }
}
