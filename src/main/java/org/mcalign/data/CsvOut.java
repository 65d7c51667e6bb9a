package org.mcalign.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a table as CSV in the format of the paper's files (pandas' {@code to_csv} without the
 * index): a header, commas, {@code \n} line ends, quotes only where needed (a comma, a quote or
 * a line break in the value; quotes doubled), missing values empty, booleans {@code True} /
 * {@code False}, and floating-point numbers as Python prints them (shortest round-trip:
 * {@code 0.1}, {@code 3.0}, {@code 1e-05}). The file is written atomically.
 */
public final class CsvOut {
  private CsvOut() {}

  /** Writes {@code table} to {@code target} atomically and returns {@code target}. */
  public static Path write(Table table, Path target) {
    return AtomicFiles.writeText(target, w -> write(table, w));
  }

  /** The CSV text of {@code table}. */
  public static String toCsv(Table table) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      write(table, w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return w.toString();
  }

  /** A double as Python's {@code repr} prints it ({@code nan}, {@code inf} included). */
  public static String formatDouble(double x) {
    return PythonFloats.repr(x);
  }

  private static void write(Table table, Writer w) throws IOException {
    List<Column<?>> cols = table.columns();
    for (int c = 0; c < cols.size(); c++) {
      if (c > 0) w.write(',');
      w.write(quote(cols.get(c).name()));
    }
    w.write('\n');
    int rows = table.rowCount();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols.size(); c++) {
        if (c > 0) w.write(',');
        w.write(cell(cols.get(c), r));
      }
      w.write('\n');
    }
  }

  private static String cell(Column<?> col, int row) {
    if (col.isMissing(row)) return "";
    if (col instanceof DoubleColumn d) return PythonFloats.repr(d.getDouble(row));
    if (col instanceof FloatColumn f) return PythonFloats.repr(f.getFloat(row));
    if (col instanceof BooleanColumn b) return b.get(row) ? "True" : "False";
    return quote(String.valueOf(col.get(row)));
  }

  private static String quote(String s) {
    boolean needs = false;
    for (int i = 0; i < s.length() && !needs; i++) {
      char ch = s.charAt(i);
      needs = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
