package eu.municipia.magazine.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/**
 * The bytes of a file in one width (0 is the document as uploaded, or the largest image kept), with
 * the entity tag that caches compare. Apart from {@link MagazineFile}, so listing files never reads
 * their bytes.
 */
@Entity
@Table(name = "magazine_file_data")
@NamedQuery(
    name = FileData.OF_FILE,
    query = "SELECT d FROM FileData d WHERE d.fileId = :file AND d.width = :width")
@NamedQuery(
    name = FileData.WIDTHS,
    query = "SELECT d.width FROM FileData d WHERE d.fileId = :file ORDER BY d.width")
public class FileData extends TenantOwned {

  public static final String OF_FILE = "FileData.ofFile";
  public static final String WIDTHS = "FileData.widths";

  @Id private UUID id;

  @Column(name = "file_id", nullable = false)
  private UUID fileId;

  @Column(nullable = false)
  private int width;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(nullable = false)
  private String etag;

  @Basic(fetch = FetchType.EAGER)
  @Column(nullable = false)
  private byte[] content;

  protected FileData() {}

  public FileData(UUID fileId, int width, String mediaType, String etag, byte[] content) {
    this.id = UUID.randomUUID();
    this.fileId = Objects.requireNonNull(fileId, "file is required");
    this.width = width;
    this.mediaType = Objects.requireNonNull(mediaType, "media type is required");
    this.etag = Objects.requireNonNull(etag, "etag is required");
    this.content = Objects.requireNonNull(content, "content is required");
  }

  public int width() {
    return width;
  }

  public String mediaType() {
    return mediaType;
  }

  public String etag() {
    return etag;
  }

  public byte[] content() {
    return content;
  }
}
