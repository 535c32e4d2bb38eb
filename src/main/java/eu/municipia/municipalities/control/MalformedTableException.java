package eu.municipia.municipalities.control;

/** A population table that cannot be imported, with the line and column of the first problem. */
public class MalformedTableException extends Exception {

  private final int line;
  private final int column;
  private final String columnName;

  public MalformedTableException(int line, int column, String columnName, String problem) {
    super(
        "Line "
            + line
            + (column > 0 ? ", column " + column + " (" + columnName + ")" : "")
            + ": "
            + problem);
    this.line = line;
    this.column = column;
    this.columnName = columnName;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String columnName() {
    return columnName;
  }
}
