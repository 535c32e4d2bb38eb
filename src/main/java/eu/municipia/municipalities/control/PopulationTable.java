package eu.municipia.municipalities.control;

import eu.municipia.municipalities.entity.MunicipalityCode;
import eu.municipia.municipalities.entity.RegisterRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    try (BufferedReader reader = new BufferedReader(input)) {
      String header = reader.readLine();
      if (header == null || header.isBlank()) {
        throw new MalformedTableException(1, 0, "", "the file is empty; expected a header row");
      }
      List<String> names = split(stripBom(header), 1);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        index.put(names.get(i).trim().toLowerCase(java.util.Locale.ROOT), i);
      }
      for (String required : REQUIRED) {
        if (!index.containsKey(required)) {
          throw new MalformedTableException(
              1, 0, required, "the header lacks the column '" + required + "'");
        }
      }
      List<RegisterRow> rows = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      int lineNumber = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        List<String> cells = split(line, lineNumber);
        if (cells.size() != names.size()) {
          throw new MalformedTableException(
              lineNumber, 0, "", "expected " + names.size() + " columns, found " + cells.size());
        }
        RegisterRow row = new Cells(cells, index, lineNumber).row(country);
        if (!seen.add(row.code().code())) {
          throw new MalformedTableException(
              lineNumber,
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** Splits one CSV line (RFC 4180 quotes, no line breaks inside quotes). */
  static List<String> split(String line, int lineNumber) throws MalformedTableException {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new MalformedTableException(lineNumber, cells.size() + 1, "", "a quote is not closed");
    }
    cells.add(cell.toString());
    return cells;
  }

  private static String stripBom(String header) {
    return header.startsWith("\uFEFF") ? header.substring(1) : header;
  }
}
