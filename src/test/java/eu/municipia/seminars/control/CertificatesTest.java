package eu.municipia.seminars.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The certificate read back by another library (PDFBox): its text, its fonts. */
class CertificatesTest {

  private static final URI VERIFY =
      URI.create("https://app.example/smopk/seminars/certificate?code=7K3M9Q2X4B6N8P1R");

  @Test
  void theNameWithCzechLettersAndTheVerificationLinkAreInTheTextAndTheFontsAreEmbedded()
      throws Exception {
    byte[] pdf =
        Certificates.pdf(
            new Certificates.Certificate(
                "Sdružení měst a obcí Plzeňského kraje",
                Locale.forLanguageTag("cs"),
                "Žofie Řeháčková",
                "místostarostka",
                "Čilá",
                "semináře",
                "Nový stavební zákon v praxi obecních úřadů",
                Instant.parse("2026-03-28T08:00:00Z"),
                Instant.parse("2026-03-29T14:00:00Z"),
                "Krajský úřad Plzeňského kraje, Škroupova 18, Plzeň",
                "JUDr. Tomáš Říha",
                "7K3M9Q2X4B6N8P1R",
                VERIFY,
                LocalDate.of(2026, 3, 29)));

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Osvědčení o účasti")
          .contains("Žofie Řeháčková")
          .contains("místostarostka, Čilá")
          .contains("se zúčastnil(a) semináře")
          .contains("Nový stavební zákon v praxi obecních úřadů")
          .contains("28. 3. 2026 9:00 – 29. 3. 2026 16:00")
          .contains("7K3M9Q2X4B6N8P1R")
          .contains(VERIFY.toString());
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
      assertThat(fonts).extracting(PDFont::getName).allMatch(n -> n.contains("Liberation"));
    }
  }

  @Test
  void theQrCodeOfTheLinkIsASquareWithAQuietZone() {
    boolean[][] modules = QrCodes.modules(VERIFY.toString());
    assertThat(modules.length).isEqualTo(modules[0].length).isGreaterThan(21);
    for (int i = 0; i < QrCodes.QUIET_ZONE; i++) {
      for (boolean[] row : modules) {
        assertThat(row[i]).isFalse();
      }
    }
    assertThat(QrCodes.svg("x", "Kód <1>")).contains("<title>Kód &lt;1&gt;</title>");
    byte[] png = QrCodes.png("x", 4);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }
}
