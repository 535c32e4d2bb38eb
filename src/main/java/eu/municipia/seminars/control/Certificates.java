package eu.municipia.seminars.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import eu.municipia.platform.control.Texts;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Certificates of attendance as PDF (OpenPDF), with the Liberation Sans fonts embedded (subset) so
 * that every Czech letter prints the same everywhere, and a verification link with its QR code: the
 * link opens the association's page that says whether the certificate is genuine.
 */
public final class Certificates {

  /** What a certificate says. */
  public record Certificate(
      String association,
      Locale locale,
      String name,
      String role,
      String organisation,
      String kind,
      String title,
      Instant startsAt,
      Instant endsAt,
      String venue,
      String lecturers,
      String code,
      URI verification,
      LocalDate issuedOn) {}

  private static final Color INK = new Color(0x1b, 0x1f, 0x23);
  private static final Color ACCENT = new Color(0x0b, 0x4f, 0x8a);
  private static final Color MUTED = new Color(0x4a, 0x50, 0x58);

  private static final BaseFont REGULAR = font("liberation/LiberationSans-Regular.ttf");
  private static final BaseFont BOLD = font("liberation/LiberationSans-Bold.ttf");

  private Certificates() {}

  public static byte[] pdf(Certificate c) {
    Texts texts = Texts.of(c.locale());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 64, 64, 72, 64);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle(texts.text("certificate.title") + " – " + c.name());
      document.addAuthor(c.association());
      document.addCreator("Municipia");
      document.open();
      document.add(line(c.association(), REGULAR, 12, MUTED, 36));
      document.add(line(texts.text("certificate.title"), BOLD, 28, ACCENT, 28));
      document.add(line(texts.text("certificate.certifies"), REGULAR, 13, INK, 8));
      document.add(line(c.name(), BOLD, 24, INK, 6));
      String who = join(c.role(), c.organisation());
      if (!who.isEmpty()) {
        document.add(line(who, REGULAR, 12, MUTED, 6));
      }
      document.add(line(texts.text("certificate.attended", c.kind()), REGULAR, 13, INK, 18));
      document.add(line(c.title(), BOLD, 18, INK, 8));
      document.add(
          line(EventTimes.range(c.startsAt(), c.endsAt(), c.locale()), REGULAR, 13, INK, 8));
      if (c.venue() != null) {
        document.add(line(c.venue(), REGULAR, 12, MUTED, 4));
      }
      if (c.lecturers() != null) {
        document.add(
            line(texts.text("certificate.lecturers", c.lecturers()), REGULAR, 12, MUTED, 4));
      }
      document.add(
          line(
              texts.text(
                  "certificate.issued", c.association(), EventTimes.day(c.issuedOn(), c.locale())),
              REGULAR,
              11,
              INK,
              40));
      Paragraph number = line(texts.text("certificate.number", c.code()), BOLD, 11, INK, 24);
      document.add(number);
      document.add(
          line(
              texts.text("certificate.verify", c.verification().toString()), REGULAR, 9, MUTED, 4));
      drawQr(writer.getDirectContent(), c.verification().toString(), document);
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("The certificate could not be written", e);
    }
    return out.toByteArray();
  }

  private static Paragraph line(String text, BaseFont font, float size, Color color, float before) {
    Paragraph p = new Paragraph(text, new Font(font, size, Font.NORMAL, color));
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingBefore(before);
    p.setLeading(size * 1.3f);
    return p;
  }

  /** The verification link's QR code, as vector squares, at the foot of the page. */
  private static void drawQr(PdfContentByte canvas, String link, Document document) {
    boolean[][] modules = QrCodes.modules(link);
    float side = 96;
    float module = side / modules.length;
    float left = (document.getPageSize().getWidth() - side) / 2;
    float bottom = document.bottomMargin();
    canvas.saveState();
    canvas.setColorFill(Color.BLACK);
    for (int y = 0; y < modules.length; y++) {
      for (int x = 0; x < modules.length; x++) {
        if (modules[y][x]) {
          canvas.rectangle(left + x * module, bottom + side - (y + 1) * module, module, module);
        }
      }
    }
    canvas.fill();
    canvas.restoreState();
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b == null ? "" : b;
    }
    return b == null || b.isBlank() ? a : a + ", " + b;
  }

  private static BaseFont font(String resource) {
    try (InputStream in = Certificates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing (openpdf-fonts-extra)");
      }
      return BaseFont.createFont(
          resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException("The font " + resource + " could not be read", e);
    }
  }
}
