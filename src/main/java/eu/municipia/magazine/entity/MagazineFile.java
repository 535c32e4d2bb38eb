package eu.municipia.magazine.entity;

import eu.municipia.identity.entity.Caller;
import eu.municipia.platform.entity.Refusal;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A file of an article: its lead image, an image in its text, or an attachment. Its type was
 * decided from its bytes ({@link FileType}); images are kept only re-encoded, in the widths the
 * pages use ({@link FileData}). Whoever may read the article may read its files, nobody else.
 */
@Entity
@Table(name = "magazine_file")
@NamedQuery(
    name = MagazineFile.OF_ARTICLE,
    query = "SELECT f FROM MagazineFile f WHERE f.articleId = :article ORDER BY f.createdAt, f.id")
public class MagazineFile extends TenantOwned {

  public static final String OF_ARTICLE = "MagazineFile.ofArticle";

  /** The widths in which images are kept: the archive's cards and the article's text. */
  public static final int SMALL = 480;

  public static final int LARGE = 1200;

  /** The largest width kept (width 0 in {@link FileData}). */
  public static final int FULL = 2000;

  @Id private UUID id;

  @Column(name = "article_id", nullable = false)
  private UUID articleId;

  @Enumerated(EnumType.STRING)
  @Column(name = "file_type", nullable = false)
  private FileType fileType;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(nullable = false)
  private String filename;

  @Column(nullable = false)
  private long size;

  @Column(nullable = false)
  private String sha256;

  private Integer width;

  private Integer height;

  @Column(nullable = false)
  private String description;

  @Column(nullable = false)
  private boolean attachment;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  protected MagazineFile() {}

  /**
   * A file of the article: an image needs its text alternative, an attachment its title (the
   * description); the name is kept only for the download, cleaned of paths and odd characters.
   */
  public MagazineFile(
      UUID articleId,
      FileType type,
      String filename,
      long size,
      String sha256,
      Integer width,
      Integer height,
      String description,
      boolean attachment,
      Caller by,
      Instant now) {
    // No NUL either: PostgreSQL cannot store it (a page's upload form is not checked for it
    // before).
    if (description == null
        || description.isBlank()
        || description.trim().length() > 300
        || description.indexOf('\0') >= 0) {
      throw Refusal.invalid("description", type.isImage() ? "file.error.alt" : "file.error.title");
    }
    this.id = UUID.randomUUID();
    this.articleId = Objects.requireNonNull(articleId, "article is required");
    this.fileType = type;
    this.mediaType = type.mediaType();
    this.filename = cleanName(filename, type);
    this.size = size;
    this.sha256 = sha256;
    this.width = width;
    this.height = height;
    this.description = description.trim();
    this.attachment = attachment || !type.isImage();
    this.createdAt = now;
    this.createdBy = by.subject();
  }

  /** The base name without folders or characters a header or a file system would mind. */
  static String cleanName(String filename, FileType type) {
    String name = filename == null ? "" : filename;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\"*:<>?|;]", "").trim();
    if (name.length() > 120) {
      name = name.substring(name.length() - 120);
    }
    String extension = "." + type.extension();
    if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
      name = (name.isEmpty() ? "soubor" : name) + extension;
    }
    return name;
  }

  public UUID id() {
    return id;
  }

  public UUID articleId() {
    return articleId;
  }

  public FileType fileType() {
    return fileType;
  }

  public String mediaType() {
    return mediaType;
  }

  public String filename() {
    return filename;
  }

  public long size() {
    return size;
  }

  public Integer width() {
    return width;
  }

  public Integer height() {
    return height;
  }

  public String description() {
    return description;
  }

  public boolean isAttachment() {
    return attachment;
  }

  public boolean isImage() {
    return fileType.isImage();
  }
}
