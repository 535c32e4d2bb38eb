package eu.municipia.resolutions.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A file of a meeting (minutes, material), kept in the database under row-level security like all
 * tenant data. Only PDF is taken, recognised from its bytes, never from its name or declared type.
 */
@Entity
@Table(name = "meeting_file")
public class MeetingFile extends TenantOwned {

  public static final String PDF = "application/pdf";

  @Id private UUID id;

  @Column(name = "meeting_id", nullable = false)
  private UUID meetingId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FileKind kind;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(nullable = false)
  private int size;

  @Column(nullable = false)
  private byte[] content;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Visibility visibility;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "uploaded_by_name")
  private String uploadedByName;

  protected MeetingFile() {}

  public MeetingFile(
      UUID meetingId,
      FileKind kind,
      String fileName,
      byte[] content,
      Visibility visibility,
      String uploadedByName,
      Instant now) {
    if (!isPdf(content)) {
      throw eu.municipia.platform.entity.Refusal.invalid("file", "file.error.notPdf");
    }
    this.id = UUID.randomUUID();
    this.meetingId = Objects.requireNonNull(meetingId);
    this.kind = Objects.requireNonNull(kind);
    this.fileName = safeName(fileName);
    this.contentType = PDF;
    this.size = content.length;
    this.content = content;
    this.visibility = Objects.requireNonNull(visibility);
    this.uploadedByName = uploadedByName;
    this.uploadedAt = now;
  }

  /** A PDF starts with "%PDF-" (within its first kilobyte, as readers allow). */
  public static boolean isPdf(byte[] bytes) {
    if (bytes == null || bytes.length < 8) {
      return false;
    }
    byte[] magic = {'%', 'P', 'D', 'F', '-'};
    int limit = Math.min(1024, bytes.length) - magic.length;
    for (int start = 0; start <= limit; start++) {
      boolean match = true;
      for (int i = 0; i < magic.length && match; i++) {
        match = bytes[start + i] == magic[i];
      }
      if (match) {
        return true;
      }
    }
    return false;
  }

  /** A name safe for a Content-Disposition header: no path, no quotes or control characters. */
  static String safeName(String name) {
    String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
    base = base.replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (base.isEmpty()) {
      base = "document.pdf";
    }
    if (base.length() > 150) {
      base = base.substring(0, 150);
    }
    return base.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? base : base + ".pdf";
  }

  public UUID id() {
    return id;
  }

  public UUID meetingId() {
    return meetingId;
  }

  public FileKind kind() {
    return kind;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public int size() {
    return size;
  }

  public byte[] content() {
    return content.clone();
  }

  public Visibility visibility() {
    return visibility;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }

  public String uploadedByName() {
    return uploadedByName;
  }
}
