package eu.municipia.magazine.entity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kinds of file an article takes, each decided from the bytes, never from the name or the type
 * the browser claims: a file named {@code photo.jpg} that holds HTML is none of these. Images
 * (JPEG, PNG, GIF) are shown; PDF and office documents are offered for download.
 */
public enum FileType {
  JPEG("image/jpeg", "jpg", true),
  PNG("image/png", "png", true),
  GIF("image/gif", "gif", true),
  PDF("application/pdf", "pdf", false),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false),
  PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", false),
  ODT("application/vnd.oasis.opendocument.text", "odt", false),
  ODS("application/vnd.oasis.opendocument.spreadsheet", "ods", false),
  ODP("application/vnd.oasis.opendocument.presentation", "odp", false),
  /** The old binary Office formats share one container; the name tells which program opens it. */
  DOC("application/msword", "doc", false),
  XLS("application/vnd.ms-excel", "xls", false),
  PPT("application/vnd.ms-powerpoint", "ppt", false);

  private static final byte[] OLE2 = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };

  private final String mediaType;
  private final String extension;
  private final boolean image;

  FileType(String mediaType, String extension, boolean image) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.image = image;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  public boolean isImage() {
    return image;
  }

  /** What the bytes are, or empty when they are none of the kinds taken. */
  public static Optional<FileType> of(byte[] bytes, String filename) {
    if (bytes == null || bytes.length < 8) {
      return Optional.empty();
    }
    if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 'G', 'I', 'F', '8') && (bytes[4] == '7' || bytes[4] == '9')) {
      return Optional.of(GIF);
    }
    if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
      return Optional.of(PDF);
    }
    if (startsWith(bytes, 'P', 'K', 3, 4)) {
      return zipped(bytes);
    }
    if (Arrays.equals(Arrays.copyOf(bytes, OLE2.length), OLE2)) {
      String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
      return Arrays.stream(new FileType[] {DOC, XLS, PPT})
          .filter(t -> name.endsWith("." + t.extension))
          .findFirst();
    }
    return Optional.empty();
  }

  /** An Office Open XML or OpenDocument file, by what its archive holds. */
  private static Optional<FileType> zipped(byte[] bytes) {
    Set<String> names = new HashSet<>();
    String odfType = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      int entries = 0;
      while ((entry = zip.getNextEntry()) != null && entries++ < 10_000) {
        names.add(entry.getName());
        if (entry.getName().equals("mimetype")) {
          odfType = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).trim();
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (names.contains("[Content_Types].xml")) {
      if (names.contains("word/document.xml")) {
        return Optional.of(DOCX);
      }
      if (names.contains("xl/workbook.xml")) {
        return Optional.of(XLSX);
      }
      if (names.contains("ppt/presentation.xml")) {
        return Optional.of(PPTX);
      }
    }
    if (odfType != null) {
      for (FileType t : new FileType[] {ODT, ODS, ODP}) {
        if (t.mediaType.equals(odfType)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != (prefix[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
