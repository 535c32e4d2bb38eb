package eu.municipia.magazine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A file's type comes from its bytes, never from its name. */
class FileTypeTest {

  @Test
  void htmlNamedJpgIsNoImage() {
    byte[] html =
        "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    assertThat(FileType.of(html, "photo.jpg")).isEmpty();
    assertThat(FileType.of("<svg onload=alert(1)>xxxxxx".getBytes(StandardCharsets.UTF_8), "a.svg"))
        .isEmpty();
    assertThat(FileType.of(new byte[] {1, 2}, "a.png")).isEmpty();
  }

  @Test
  void imagesDocumentsAndOfficeFilesAreKnownByTheirBytes() throws Exception {
    assertThat(
            FileType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0, 0, 0}, "x.txt"))
        .contains(FileType.JPEG);
    assertThat(FileType.of("%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), "report.exe"))
        .contains(FileType.PDF);
    assertThat(FileType.of(zip("[Content_Types].xml", "word/document.xml"), "a.zip"))
        .contains(FileType.DOCX);
    assertThat(FileType.of(zip("[Content_Types].xml", "xl/workbook.xml"), "a"))
        .contains(FileType.XLSX);
    assertThat(FileType.of(zip("other.txt"), "a.docx")).as("a plain zip").isEmpty();
    assertThat(MagazineFile.cleanName("../../etc/passwd", FileType.PDF)).isEqualTo("passwd.pdf");
    assertThat(MagazineFile.cleanName("C:\\fotky\\náves \"1\".JPG", FileType.JPEG))
        .isEqualTo("náves 1.JPG");
  }

  private static byte[] zip(String... names) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
