package eu.municipia.magazine.control;

import eu.municipia.magazine.entity.FileType;
import eu.municipia.platform.entity.Refusal;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Images in the widths the pages use, re-encoded (which also drops camera metadata such as the
 * place a photo was taken). The size is read from the header before the pixels are decoded, so an
 * image that claims billions of pixels is refused instead of filling the memory.
 */
final class ImageScaler {

  /** More pixels than any photo a magazine needs (a 50-megapixel camera is the limit). */
  static final long MAX_PIXELS = 50_000_000L;

  private ImageScaler() {}

  /** A decoded image and its size. */
  record Decoded(BufferedImage image, int width, int height) {}

  static Decoded decode(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw unreadable();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
          throw Refusal.invalid("file", "file.error.pixels");
        }
        BufferedImage image = reader.read(0);
        return new Decoded(image, width, height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Refusal refusal) {
        throw refusal;
      }
      throw unreadable();
    }
  }

  /** The image at most {@code maxWidth} wide, encoded as the type says (JPEG, else PNG). */
  static byte[] scaled(Decoded decoded, int maxWidth, FileType type) {
    int width = Math.min(maxWidth, decoded.width());
    int height = Math.max(1, (int) Math.round((double) decoded.height() * width / decoded.width()));
    boolean jpeg = type == FileType.JPEG;
    BufferedImage target =
        new BufferedImage(
            width, height, jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      if (jpeg) {
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
      }
      g.drawImage(decoded.image(), 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return jpeg ? jpeg(target) : png(target);
  }

  /** The media type of what {@link #scaled} makes of this type. */
  static String mediaType(FileType type) {
    return type == FileType.JPEG ? "image/jpeg" : "image/png";
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Refusal unreadable() {
    return Refusal.invalid("file", "file.error.unreadable");
  }
}
