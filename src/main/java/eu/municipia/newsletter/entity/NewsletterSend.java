package eu.municipia.newsletter.entity;

import eu.municipia.identity.entity.Caller;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A send of an issue to every active subscriber (once per issue), or a test send to the editor. Its
 * messages are the outbox's batch of the same id, which tells its progress.
 */
@Entity
@Table(name = "newsletter_send")
@NamedQuery(
    name = NewsletterSend.OF_ISSUE,
    query = "SELECT s FROM NewsletterSend s WHERE s.issueId = :issue AND s.kind = 'ISSUE'")
public class NewsletterSend extends TenantOwned {

  public static final String OF_ISSUE = "NewsletterSend.ofIssue";

  @Id private UUID id;

  @Column(name = "issue_id", nullable = false)
  private UUID issueId;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private int recipients;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "started_by", nullable = false)
  private String startedBy;

  @Column(name = "started_by_name")
  private String startedByName;

  protected NewsletterSend() {}

  public NewsletterSend(
      UUID issueId, boolean test, String subject, int recipients, Caller by, Instant now) {
    this.id = UUID.randomUUID();
    this.issueId = issueId;
    this.kind = test ? "TEST" : "ISSUE";
    this.subject = subject;
    this.recipients = recipients;
    this.startedAt = now;
    this.startedBy = by.subject();
    this.startedByName = by.displayName();
  }

  public UUID id() {
    return id;
  }

  public UUID issueId() {
    return issueId;
  }

  public int recipients() {
    return recipients;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public String startedByName() {
    return startedByName;
  }
}
