package eu.municipia.municipalities.control;

import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.municipalities.entity.RegisterRow;
import eu.municipia.platform.control.Csv;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the population table in the CSV form of ČSÚ's yearly table (UTF-8, header row, columns
 * code, name, district, region, population, lat, lon; other columns are ignored, order is free).
 * The whole file is checked before anything is imported: the first problem is reported with its
 * line and column, and nothing is half-imported.
 */
public final class PopulationTable {

  static final List<String> REQUIRED =
      List.of("code", "name", "district", "region", "population", "lat", "lon");

  private PopulationTable() {}

  public static List<RegisterRow> read(Reader input, String country)
      throws MalformedTableException {
    try (CSVParser table = Csv.table(input)) {
      Map<String, Integer> index = new HashMap<>();
      Map<String, Integer> header = table.getHeaderMap();
      if (header != null) {
        header.forEach((name, i) -> index.put(name.toLowerCase(Locale.ROOT), i));
      }
      if (index.isEmpty()) {
        throw new MalformedTableException(1, 0, "", "the file is empty; expected a header row");
      }
      for (String required : REQUIRED) {
        if (!index.containsKey(required)) {
          throw new MalformedTableException(
              1, 0, required, "the header lacks the column '" + required + "'");
        }
      }
      List<RegisterRow> rows = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Iterator<CSVRecord> records = table.iterator();
      while (hasNext(records, table)) {
        CSVRecord record = records.next();
        int line = (int) table.getCurrentLineNumber();
        if (record.size() != index.size()) {
          throw new MalformedTableException(
              line, 0, "", "expected " + index.size() + " columns, found " + record.size());
        }
        RegisterRow row = new Cells(record.toList(), index, line).row(country);
        if (!seen.add(row.code().code())) {
          throw new MalformedTableException(
              line,
              index.get("code") + 1,
              "code",
              "the code " + row.code().code() + " appears twice");
        }
        rows.add(row);
      }
      if (rows.isEmpty()) {
        throw new MalformedTableException(2, 0, "", "the file has no municipalities");
      }
      return rows;
    } catch (IllegalArgumentException e) {
      // Commons CSV refuses a header with a name twice or an empty one
      throw new MalformedTableException(
          1, 0, "", "the header row is not usable: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a record follows (the iterator reads it); a quote left open is the file's fault. */
  private static boolean hasNext(Iterator<CSVRecord> records, CSVParser table)
      throws MalformedTableException {
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      throw new MalformedTableException(
          (int) table.getCurrentLineNumber() + 1, 0, "", "a quote is not closed");
    }
  }

  /** The cells of one line, read by column name, each check naming its line and column. */
  private record Cells(List<String> cells, Map<String, Integer> index, int line) {

    RegisterRow row(String country) throws MalformedTableException {
      String code = text("code");
      if (!MunicipalityCode.isValid(country, code)) {
        throw problem("code", "not a municipality code of " + country + ": '" + code + "'");
      }
      return new RegisterRow(
          new MunicipalityCode(country, code),
          text("name"),
          text("district"),
          text("region"),
          population(),
          coordinate("lat", 90),
          coordinate("lon", 180));
    }

    private String text(String column) throws MalformedTableException {
      String value = cells.get(index.get(column)).trim();
      if (value.isEmpty()) {
        throw problem(column, "is empty");
      }
      return value;
    }

    private int population() throws MalformedTableException {
      String value = text("population");
      try {
        int population = Integer.parseInt(value);
        if (population < 0) {
          throw problem("population", "cannot be negative: " + value);
        }
        return population;
      } catch (NumberFormatException e) {
        throw problem("population", "not a whole number: '" + value + "'");
      }
    }

    private BigDecimal coordinate(String column, int limit) throws MalformedTableException {
      String value = cells.get(index.get(column)).trim();
      if (value.isEmpty()) {
        return null; // a few municipalities have no point yet; the map leaves them out
      }
      try {
        BigDecimal degrees = new BigDecimal(value);
        if (degrees.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
          throw problem(column, "out of range: " + value);
        }
        return degrees;
      } catch (NumberFormatException e) {
        throw problem(column, "not a number: '" + value + "'");
      }
    }

    private MalformedTableException problem(String column, String message) {
      return new MalformedTableException(line, index.get(column) + 1, column, message);
    }
  }
}
