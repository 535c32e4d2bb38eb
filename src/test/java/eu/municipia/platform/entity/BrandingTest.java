package eu.municipia.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * An association's colour must carry white text (WCAG AA, 4.5:1); its logo is a PNG or JPEG by its
 * bytes, whatever its name says.
 */
class BrandingTest {

  @Test
  void theContrastWithWhiteIsWcagsRatio() {
    assertThat(SiteProfile.contrastWithWhite("#000000")).isCloseTo(21.0, within());
    assertThat(SiteProfile.contrastWithWhite("#ffffff")).isCloseTo(1.0, within());
    // #767676 is the known lightest grey that passes AA on white (4.54:1); #777777 fails (4.48).
    assertThat(SiteProfile.contrastWithWhite("#767676")).isCloseTo(4.54, within());
    assertThat(SiteProfile.colorError("#767676")).isEmpty();
    assertThat(SiteProfile.colorError("#777777")).contains("site.error.contrast");
  }

  @Test
  void aLightColourIsRefusedAndTheDefaultPasses() {
    assertThat(SiteProfile.colorError(SiteProfile.DEFAULT_COLOR)).isEmpty();
    assertThat(SiteProfile.colorError("#ffcc00")).contains("site.error.contrast");
    assertThat(SiteProfile.colorError("#0b4f8")).contains("site.error.color");
    assertThat(SiteProfile.colorError("red")).contains("site.error.color");
    assertThat(new SiteProfile.Form(null, null, "#FFEE00").errors())
        .containsEntry("accentColor", "site.error.contrast");
  }

  @Test
  void aPngAndAJpegAreTakenWithTheirSize() throws IOException {
    Logo png = Logo.of(image("png", 120, 40));
    assertThat(png.mediaType()).isEqualTo("image/png");
    assertThat(png.width()).isEqualTo(120);
    assertThat(png.height()).isEqualTo(40);
    assertThat(png.etag()).startsWith("\"").endsWith("\"").hasSize(34);
    assertThat(Logo.of(image("jpg", 30, 30)).mediaType()).isEqualTo("image/jpeg");
  }

  @Test
  void htmlAnSvgAndATruncatedPngAreRefused() throws IOException {
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    byte[] png = image("png", 50, 50);
    byte[] truncated = java.util.Arrays.copyOf(png, 40);
    for (byte[] bytes : new byte[][] {html, svg, truncated, new byte[0]}) {
      assertThatThrownBy(() -> Logo.of(bytes))
          .isInstanceOfSatisfying(
              Refusal.class, r -> assertThat(r.fields()).containsEntry("logo", "site.error.logo"));
    }
  }

  @Test
  void base64TextIsDecodedAndBoundedBeforeDecoding() throws IOException {
    byte[] png = image("png", 20, 20);
    assertThat(Logo.ofBase64(Base64.getEncoder().encodeToString(png), 1024 * 1024).width())
        .isEqualTo(20);
    assertThatThrownBy(() -> Logo.ofBase64("not base64!", 1024))
        .isInstanceOfSatisfying(
            Refusal.class, r -> assertThat(r.fields()).containsEntry("logo", "site.error.logo"));
    assertThatThrownBy(() -> Logo.ofBase64("A".repeat(10_000), 1024))
        .isInstanceOfSatisfying(
            Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.TOO_LARGE));
  }

  static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0x0b4f8a);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }
}
