package eu.municipia.mail.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A file that travels with an e-mail of the outbox (a calendar file, a QR code), written in the
 * same transaction as its message and sent with it.
 */
@Entity
@Table(name = "outbox_attachment")
@NamedQuery(
    name = OutboxAttachment.OF_MESSAGES,
    query =
        "SELECT a FROM OutboxAttachment a WHERE a.messageId IN :messages"
            + " ORDER BY a.messageId, a.position")
@NamedQuery(
    name = OutboxAttachment.DELETE_OF_MESSAGES,
    query = "DELETE FROM OutboxAttachment a WHERE a.messageId IN :messages")
public class OutboxAttachment extends TenantOwned {

  public static final String OF_MESSAGES = "OutboxAttachment.ofMessages";
  public static final String DELETE_OF_MESSAGES = "OutboxAttachment.deleteOfMessages";

  /** What a file name may hold: it goes into a MIME header as it is. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  @Id private UUID id;

  @Column(name = "message_id", nullable = false)
  private UUID messageId;

  private int position;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(nullable = false)
  private byte[] content;

  protected OutboxAttachment() {}

  public OutboxAttachment(UUID messageId, int position, File file) {
    this.id = UUID.randomUUID();
    this.messageId = Objects.requireNonNull(messageId, "message is required");
    this.position = position;
    this.fileName = file.name();
    this.contentType = file.contentType();
    this.content = file.content();
  }

  /** A file to attach: its name (letters, digits, dot, dash), MIME type and bytes. */
  public record File(String name, String contentType, byte[] content) {
    public File {
      if (name == null || !FILE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("Not a plain file name: " + name);
      }
      Objects.requireNonNull(contentType, "content type is required");
      content = Objects.requireNonNull(content, "content is required").clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  public UUID messageId() {
    return messageId;
  }

  public File file() {
    return new File(fileName, contentType, content);
  }
}
