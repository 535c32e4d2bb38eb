package eu.municipia.platform.entity;

import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The association's logo, shown in the header of its pages and of its newsletter. One per
 * association; replacing it keeps the row and changes its bytes and entity tag.
 */
@Entity
@Table(name = "site_logo")
@NamedQuery(name = SiteLogo.CURRENT, query = "SELECT l FROM SiteLogo l")
@NamedQuery(name = SiteLogo.ETAG, query = "SELECT l.etag FROM SiteLogo l")
public class SiteLogo extends TenantOwned {

  public static final String CURRENT = "SiteLogo.current";

  /** Only the tag, for the pages' links, without reading the bytes. */
  public static final String ETAG = "SiteLogo.etag";

  @Id private UUID id;

  @Column(name = "media_type", nullable = false)
  private String mediaType;

  @Column(nullable = false)
  private int width;

  @Column(nullable = false)
  private int height;

  @Column(nullable = false)
  private String etag;

  @Basic(fetch = FetchType.EAGER)
  @Column(nullable = false)
  private byte[] content;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected SiteLogo() {}

  public SiteLogo(Logo logo, Instant now) {
    this.id = UUID.randomUUID();
    replace(logo, now);
  }

  public void replace(Logo logo, Instant now) {
    mediaType = logo.mediaType();
    width = logo.width();
    height = logo.height();
    etag = logo.etag();
    content = logo.content();
    updatedAt = now;
  }

  public Map<String, Object> auditState() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("mediaType", mediaType);
    state.put("width", width);
    state.put("height", height);
    state.put("bytes", content.length);
    state.put("etag", etag);
    return state;
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
