package eu.municipia.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoint matrix ({@code endpoint-matrix.txt} beside this class): one row per endpoint or
 * view, one column per caller, each cell what that caller must get. Read by {@link
 * EndpointMatrixIT}; the file's header explains the cells.
 */
record MatrixTable(List<Row> rows) {

  static final String RESOURCE = "endpoint-matrix.txt";

  /** What one caller must get from one endpoint. */
  enum Expectation {
    /** Allowed: answers 2xx. */
    OK("ok"),
    /**
     * Allowed, and sent in a form that changes nothing (an unknown last path parameter, an empty
     * body, no query): it must pass the wall, so a 4xx other than 401 and 403.
     */
    IN("in"),
    /** Allowed but not sent: it would change data; the row's note says why. */
    SKIP("skip"),
    /** Refused: 401, 403, or 404 where the design hides that the thing exists. */
    NO("no");

    final String cell;

    Expectation(String cell) {
      this.cell = cell;
    }

    static Expectation of(String cell, int line) {
      return Arrays.stream(values())
          .filter(e -> e.cell.equals(cell))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      RESOURCE + " line " + line + ": unknown cell '" + cell + "'"));
    }
  }

  /**
   * One row: {@code kind} is an HTTP method for API operations and platform endpoints, {@code VIEW}
   * for Faces views; {@code target} is the path template, perhaps with a query.
   */
  record Row(String kind, String target, Map<MatrixCaller, Expectation> cells, int line) {

    static final String VIEW = "VIEW";

    /** The path template without the query, as the app's endpoint lists name it. */
    String path() {
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }

    /** "GET /api/v1/tenants" or "VIEW /{tenant}/join": what the app's lists are compared with. */
    String key() {
      return kind + " " + path();
    }

    boolean isView() {
      return VIEW.equals(kind);
    }

    boolean isApi() {
      return !isView() && path().startsWith("/api/");
    }

    boolean changesState() {
      return List.of("POST", "PUT", "DELETE", "PATCH").contains(kind);
    }

    Expectation of(MatrixCaller caller) {
      return cells.get(caller);
    }

    @Override
    public String toString() {
      return kind + " " + target + " (" + RESOURCE + " line " + line + ")";
    }
  }

  static MatrixTable load() {
    try (InputStream in = MatrixTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing beside " + MatrixTable.class);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MatrixTable parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<MatrixCaller> columns = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i];
      int comment = line.indexOf('#');
      String content = (comment < 0 ? line : line.substring(0, comment)).trim();
      if (content.isEmpty()) {
        continue;
      }
      String[] tokens = content.split("\\s+");
      if (columns == null) {
        columns = header(tokens, number);
        continue;
      }
      if (tokens.length != 2 + columns.size()) {
        throw new IllegalStateException(
            RESOURCE
                + " line "
                + number
                + ": expected a kind, a path and "
                + columns.size()
                + " cells, found: "
                + content);
      }
      Map<MatrixCaller, Expectation> cells = new EnumMap<>(MatrixCaller.class);
      for (int c = 0; c < columns.size(); c++) {
        cells.put(columns.get(c), Expectation.of(tokens[2 + c], number));
      }
      Row row = new Row(tokens[0], tokens[1], cells, number);
      if (row.isView() && cells.containsValue(Expectation.IN)) {
        throw new IllegalStateException(row + ": a view is only read; use ok or no");
      }
      rows.add(row);
    }
    if (columns == null) {
      throw new IllegalStateException(RESOURCE + " has no header line");
    }
    return new MatrixTable(List.copyOf(rows));
  }

  /** The header names every caller once, in any order: {@code KIND PATH anonymous official …}. */
  private static List<MatrixCaller> header(String[] tokens, int line) {
    List<MatrixCaller> columns = new ArrayList<>();
    for (String name : Arrays.asList(tokens).subList(2, tokens.length)) {
      columns.add(MatrixCaller.byColumn(name, line));
    }
    if (columns.size() != MatrixCaller.values().length
        || columns.stream().distinct().count() != columns.size()) {
      throw new IllegalStateException(
          RESOURCE
              + " line "
              + line
              + ": the header must name each caller once: "
              + Arrays.stream(MatrixCaller.values()).map(c -> c.column).toList());
    }
    return columns;
  }

  /** A row to paste into the table for an endpoint it lacks; every cell still to decide. */
  static String template(String kind, String path) {
    StringBuilder row = new StringBuilder(String.format("%-6s %-66s", kind, path));
    for (MatrixCaller caller : MatrixCaller.values()) {
      row.append(String.format(" %-" + caller.column.length() + "s", "?"));
    }
    return row.toString().stripTrailing();
  }
}
