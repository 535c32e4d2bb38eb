package eu.municipia.magazine.control;

import eu.municipia.audit.control.AuditLog;
import eu.municipia.identity.entity.Caller;
import eu.municipia.magazine.entity.Article;
import eu.municipia.magazine.entity.FileData;
import eu.municipia.magazine.entity.FileType;
import eu.municipia.magazine.entity.MagazineFile;
import eu.municipia.platform.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The files of articles, kept in PostgreSQL: stored after their type is decided from the bytes
 * (within the size limits of images and documents; images re-encoded in the widths the pages use)
 * and read back only by those who may read their article.
 */
@ApplicationScoped
@Transactional
public class MagazineFiles {

  /** What the file is for in its article. */
  public enum Use {
    LEAD_IMAGE,
    IMAGE,
    ATTACHMENT
  }

  /** A file's bytes in the width asked for, with what the answer's headers need. */
  public record Content(MagazineFile file, FileData data, boolean isPublic) {}

  @Inject EntityManager em;
  @Inject Articles articles;
  @Inject AuditLog audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "magazine.max-image-mb", defaultValue = "10")
  int maxImageMb;

  @Inject
  @ConfigProperty(name = "magazine.max-document-mb", defaultValue = "20")
  int maxDocumentMb;

  /** The largest upload any file may be, for the stream's cap. */
  public long maxUploadBytes() {
    return (long) Math.max(maxImageMb, maxDocumentMb) * 1024 * 1024;
  }

  /**
   * Stores a file of the article: refused (400) unless its bytes are an image or a document the
   * magazine takes, or (413) when it is larger than the limit of its kind. A lead image becomes the
   * article's lead image with the description as its text alternative.
   */
  public MagazineFile store(
      String slug, byte[] bytes, String filename, String description, Use use, Caller by) {
    Article article = articles.require(slug);
    FileType type =
        FileType.of(bytes, filename).orElseThrow(() -> Refusal.invalid("file", "file.error.type"));
    if (use != Use.ATTACHMENT && !type.isImage()) {
      throw Refusal.invalid("file", "file.error.notImage");
    }
    long limit = (long) (type.isImage() ? maxImageMb : maxDocumentMb) * 1024 * 1024;
    if (bytes.length > limit) {
      throw new Refusal(
          Refusal.Kind.TOO_LARGE,
          "The file is larger than the " + limit / (1024 * 1024) + " MiB a " + type + " may be.",
          Map.of("file", "upload.error.tooLarge"),
          limit / (1024 * 1024));
    }
    Instant now = Instant.now(clock);
    String sha = sha256(bytes);
    ImageScaler.Decoded decoded = type.isImage() ? ImageScaler.decode(bytes) : null;
    MagazineFile file =
        new MagazineFile(
            article.id(),
            type,
            filename,
            bytes.length,
            sha,
            decoded == null ? null : decoded.width(),
            decoded == null ? null : decoded.height(),
            description,
            use == Use.ATTACHMENT,
            by,
            now);
    em.persist(file);
    em.flush(); // the file's row before its data's rows, which refer to it
    if (decoded == null) {
      keep(file, 0, type.mediaType(), bytes);
    } else {
      String mediaType = ImageScaler.mediaType(type);
      keep(file, 0, mediaType, ImageScaler.scaled(decoded, MagazineFile.FULL, type));
      for (int width : new int[] {MagazineFile.SMALL, MagazineFile.LARGE}) {
        if (decoded.width() > width) {
          keep(file, width, mediaType, ImageScaler.scaled(decoded, width, type));
        }
      }
    }
    if (use == Use.LEAD_IMAGE) {
      article.leadImage(file.id(), description);
    }
    audit.record(by, "article.file.added", "article", article.id().toString(), null, state(file));
    return file;
  }

  private void keep(MagazineFile file, int width, String mediaType, byte[] content) {
    String etag = "\"" + sha256(content).substring(0, 32) + "\"";
    em.persist(new FileData(file.id(), width, mediaType, etag, content));
  }

  public List<MagazineFile> of(Article article) {
    return em.createNamedQuery(MagazineFile.OF_ARTICLE, MagazineFile.class)
        .setParameter("article", article.id())
        .getResultList();
  }

  public Optional<MagazineFile> find(UUID id) {
    return Optional.ofNullable(em.find(MagazineFile.class, id));
  }

  /** Removes a file of the article (and the lead image, if it was that). */
  public void remove(String slug, UUID fileId, Caller by) {
    Article article = articles.require(slug);
    MagazineFile file =
        find(fileId)
            .filter(f -> f.articleId().equals(article.id()))
            .orElseThrow(() -> Refusal.notFound("No such file of this article."));
    if (article.leadImageId().filter(fileId::equals).isPresent()) {
      article.removeLeadImage();
    }
    audit.record(by, "article.file.removed", "article", article.id().toString(), state(file), null);
    em.remove(file);
  }

  /**
   * The bytes of a file in the width nearest above the one asked for (480, 1200, or the largest),
   * for a reader who may read its article; for anyone else the file does not exist (404), whatever
   * the path that asked.
   */
  public Content read(UUID id, int width, Reader reader) {
    MagazineFile file = find(id).orElseThrow(MagazineFiles::none);
    Article article = em.find(Article.class, file.articleId());
    if (article == null || !reader.mayRead(article)) {
      throw none();
    }
    int wanted =
        !file.isImage() || width <= 0 || width > MagazineFile.LARGE
            ? 0
            : width <= MagazineFile.SMALL ? MagazineFile.SMALL : MagazineFile.LARGE;
    FileData data = data(id, wanted).or(() -> data(id, 0)).orElseThrow(MagazineFiles::none);
    return new Content(file, data, article.isReadableBy(false));
  }

  private Optional<FileData> data(UUID file, int width) {
    return em.createNamedQuery(FileData.OF_FILE, FileData.class)
        .setParameter("file", file)
        .setParameter("width", width)
        .getResultStream()
        .findFirst();
  }

  private static Refusal none() {
    return Refusal.notFound("No such file here.");
  }

  private static Map<String, Object> state(MagazineFile file) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("file", file.id().toString());
    state.put("name", file.filename());
    state.put("type", file.fileType().name());
    state.put("size", file.size());
    state.put("description", file.description());
    return state;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
