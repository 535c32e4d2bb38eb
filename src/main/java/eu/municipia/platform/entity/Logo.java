package eu.municipia.platform.entity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An association's logo as uploaded: a PNG or a JPEG, decided from its bytes (never its name or the
 * type the browser claims), whose header names a sensible size and which decodes as an image. SVG
 * is not taken: it is a document that can carry script. The bytes are kept as given, and served
 * with the type found here.
 */
public record Logo(String mediaType, int width, int height, byte[] content) {

  /** Larger than any header needs; the header's size is read before the pixels are decoded. */
  public static final int MAX_SIDE = 4000;

  public static final String FIELD = "logo";

  public Logo {
    Objects.requireNonNull(mediaType, "media type is required");
    Objects.requireNonNull(content, "content is required");
  }

  /** The logo in these bytes, or a refusal naming the field (site.error.logo). */
  public static Logo of(byte[] bytes) {
    return read(bytes).orElseThrow(() -> Refusal.invalid(FIELD, "site.error.logo"));
  }

  /**
   * The logo in base64 text (the API's JSON), or a refusal: past {@code maxBytes} as too large, not
   * base64 or not a PNG/JPEG as invalid.
   */
  public static Logo ofBase64(String text, long maxBytes) {
    if (text.length() > (maxBytes / 3 + 1) * 4 + 4) {
      throw tooLarge(maxBytes);
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(FIELD, "site.error.logo");
    }
    return of(bytes);
  }

  /** The refusal of a logo past the size limit (413), naming the limit in KiB. */
  public static Refusal tooLarge(long maxBytes) {
    return new Refusal(
        Refusal.Kind.TOO_LARGE,
        "The logo is larger than the " + maxBytes / 1024 + " KiB it may be.",
        java.util.Map.of(FIELD, "site.error.logoSize"),
        maxBytes / 1024);
  }

  static Optional<Logo> read(byte[] bytes) {
    String type = typeOf(bytes);
    if (type == null) {
      return Optional.empty();
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
      if (in == null || !readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
          return Optional.empty();
        }
        // Decoding it all proves the rest of the file is an image too, not a polyglot's tail.
        if (reader.read(0) == null) {
          return Optional.empty();
        }
        return Optional.of(new Logo(type, width, height, bytes));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** PNG or JPEG by their signatures; null for anything else. */
  private static String typeOf(byte[] b) {
    if (b == null || b.length < 8) {
      return null;
    }
    if ((b[0] & 0xFF) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0D
        && b[5] == 0x0A
        && b[6] == 0x1A
        && b[7] == 0x0A) {
      return "image/png";
    }
    if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    return null;
  }

  /** A strong entity tag of the bytes, quoted as HTTP wants it. */
  public String etag() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
