package eu.municipia.resolutions.control;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import eu.municipia.platform.control.Texts;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A meeting's resolutions as a PDF: what the reader may see of them, in Czech or English, set in
 * Liberation Sans (which OpenPDF ships), embedded as a subset so that every reader shows the
 * diacritics as written, with or without the font installed.
 */
@ApplicationScoped
public class ResolutionsPdf {

  private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
  private static final Color GREY = new Color(0x55, 0x55, 0x55);

  private volatile byte[] fontBytes;

  public byte[] render(
      Tenant tenant,
      Register.MeetingView meeting,
      List<Register.Detail> resolutions,
      Locale locale) {
    Texts texts = Texts.of(locale);
    boolean english = "en".equals(locale.getLanguage());
    DateTimeFormatter day =
        DateTimeFormatter.ofPattern(english ? "d MMMM yyyy" : "d. M. yyyy", locale);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("H:mm", locale);
    BaseFont base = font();
    Font heading = new Font(base, 16);
    Font subheading = new Font(base, 13);
    Font body = new Font(base, 10.5f);
    Font small = new Font(base, 9, Font.NORMAL, GREY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    try {
      PdfWriter.getInstance(document, out);
      String bodyName = english ? meeting.bodyEn() : meeting.bodyCs();
      String title =
          texts.text(
              "pdf.title",
              meeting.number(),
              bodyName,
              meeting.startsAt().toLocalDate().format(day));
      document.addTitle(title);
      document.addAuthor(tenant.name(locale));
      document.addCreator("Municipia");
      document.open();
      document.add(new Paragraph(tenant.name(locale), small));
      Paragraph h = new Paragraph(title, heading);
      h.setSpacingAfter(6);
      document.add(h);
      if (meeting.place() != null) {
        document.add(new Paragraph(texts.text("pdf.place", meeting.place()), small));
      }
      if (resolutions.isEmpty()) {
        document.add(new Paragraph(texts.text("pdf.none"), body));
      }
      for (Register.Detail r : resolutions) {
        Paragraph number = new Paragraph(r.number() + " – " + r.title(), subheading);
        number.setSpacingBefore(14);
        number.setSpacingAfter(4);
        document.add(number);
        Paragraph text = new Paragraph(r.text(), body);
        text.setAlignment(Element.ALIGN_JUSTIFIED);
        text.setSpacingAfter(4);
        document.add(text);
        String outcome = texts.text("resolution.outcome." + r.outcome());
        document.add(
            new Paragraph(
                texts.text(
                    "pdf.vote",
                    outcome,
                    r.votesFor(),
                    r.votesAgainst(),
                    r.abstained(),
                    r.present(),
                    r.basis(),
                    r.votedAt().format(time)),
                small));
        if (r.changes() != null) {
          document.add(
              new Paragraph(
                  texts.text("resolution.changes." + r.changes().kind(), r.changes().number()),
                  small));
        }
        for (Register.TaskView t : r.tasks()) {
          Paragraph task = new Paragraph();
          task.setFont(small);
          task.add(new Chunk("• " + t.what() + " (" + t.who() + ")", small));
          task.add(new Chunk(" – " + texts.text("task.state." + t.state()), small));
          document.add(task);
        }
        if (!r.revisions().isEmpty()) {
          document.add(new Paragraph(texts.text("pdf.revised", r.revisions().size()), small));
        }
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("The PDF could not be written", e);
    }
    return out.toByteArray();
  }

  private BaseFont font() {
    try {
      byte[] bytes = fontBytes;
      if (bytes == null) {
        try (InputStream in = BaseFont.class.getClassLoader().getResourceAsStream(FONT)) {
          if (in == null) {
            throw new IllegalStateException(FONT + " is missing from OpenPDF");
          }
          bytes = in.readAllBytes();
        }
        fontBytes = bytes;
      }
      return BaseFont.createFont(
          "LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException("The font could not be read", e);
    }
  }
}
