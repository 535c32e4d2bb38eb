package eu.municipia.seminars.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes of links (a ticket's check-in, a certificate's verification), made by ZXing: as a matrix
 * of modules to draw (the certificate draws them as vector squares), as an inline SVG for a page
 * (the content security policy allows no image from elsewhere, and a data: URL is no image from
 * here), and as a PNG for an e-mail attachment.
 */
public final class QrCodes {

  /** The quiet zone around the code, in modules, as the standard asks. */
  static final int QUIET_ZONE = 4;

  private QrCodes() {}

  /** The modules of the code, quiet zone included: true is dark. */
  public static boolean[][] modules(String text) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.MARGIN,
                      QUIET_ZONE,
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
      boolean[][] modules = new boolean[matrix.getHeight()][matrix.getWidth()];
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          modules[y][x] = matrix.get(x, y);
        }
      }
      return modules;
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "Too long for a QR code: " + text.length() + " characters");
    }
  }

  /**
   * An SVG element of the code, to put in a page as it is; {@code label} is its text alternative.
   */
  public static String svg(String text, String label) {
    boolean[][] modules = modules(text);
    int size = modules.length;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (modules[y][x]) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" shape-rendering=\"crispEdges\"><title>"
        + escape(label)
        + "</title><rect width=\""
        + size
        + "\" height=\""
        + size
        + "\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  /** A PNG of the code, {@code scale} pixels per module. */
  public static byte[] png(String text, int scale) {
    boolean[][] modules = modules(text);
    int size = modules.length * scale;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.setRGB(x, y, modules[y / scale][x / scale] ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
