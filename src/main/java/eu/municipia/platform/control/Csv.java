package eu.municipia.platform.control;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * CSV in and out, through Apache Commons CSV, so that quoted cells with separators, quotes and line
 * breaks round-trip: tables that people upload ({@link #table}) and spreadsheets that they download
 * ({@link #spreadsheet}). Nothing in the app splits or joins CSV by hand.
 */
public final class Csv {

  /** The byte order mark that makes Excel read UTF-8. */
  private static final char BOM = '\uFEFF';

  private static final CSVFormat TABLE =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setIgnoreHeaderCase(true)
          .setTrim(true)
          .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
          .get();

  /** What Excel in a Czech locale opens directly: semicolons, CRLF, every cell quoted if needed. */
  private static final CSVFormat SPREADSHEET =
      CSVFormat.EXCEL.builder().setDelimiter(';').setRecordSeparator("\r\n").get();

  private Csv() {}

  /**
   * A table with a header row (comma-separated, RFC 4180 quotes; a leading byte order mark, blank
   * lines and the case of the column names do not matter). {@link CSVParser#getCurrentLineNumber()}
   * after each record is the line it ends on, for messages that name a line.
   */
  public static CSVParser table(Reader input) throws IOException {
    return CSVParser.parse(new BomSkippingReader(input), TABLE);
  }

  /** A spreadsheet written to {@code out}: the byte order mark, then the header row. */
  public static Spreadsheet spreadsheet(Writer out, String... header) {
    try {
      out.write(BOM);
      CSVPrinter printer = new CSVPrinter(out, SPREADSHEET);
      printer.printRecord(Arrays.asList(header));
      return new Spreadsheet(printer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Text a spreadsheet would run as a formula, or read as one after a tab or line break (a cell
   * that begins with =, +, -, @, TAB or CR), gets a leading apostrophe: shown as text, never run.
   */
  public static String defuse(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** Rows of a spreadsheet; every cell is defused. */
  public static final class Spreadsheet {

    private final CSVPrinter printer;

    private Spreadsheet(CSVPrinter printer) {
      this.printer = printer;
    }

    public Spreadsheet row(Object... cells) {
      try {
        printer.printRecord(
            Arrays.stream(cells).map(c -> defuse(c == null ? null : c.toString())).toList());
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public void flush() {
      try {
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Drops a byte order mark at the very start (Excel writes one into "CSV UTF-8" files). */
  private static final class BomSkippingReader extends java.io.FilterReader {
    private boolean first = true;

    BomSkippingReader(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (first) {
        first = false;
        if (c == BOM) {
          c = super.read();
        }
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (first && n > 0) {
        first = false;
        if (buffer[offset] == BOM) {
          System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
          return n == 1 ? read(buffer, offset, length) : n - 1;
        }
      }
      return n;
    }
  }
}
