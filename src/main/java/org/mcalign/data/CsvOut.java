package org.mcalign.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes tables as CSV in the format of the paper's files: a header, commas, {@code \n} line
 * ends, quotes only where needed (a comma, a quote or a line break in the value; quotes
 * doubled), missing values empty, and floating-point numbers as Python prints them (shortest
 * round-trip: {@code 0.1}, {@code 3.0}, {@code 1e-05}). The paper wrote its files with two
 * libraries that differ in two details, chosen by {@link Style}. Files are written atomically.
 */
public final class CsvOut {
  private CsvOut() {}

  /** Which library's {@code write_csv} / {@code to_csv} output to reproduce. */
  public enum Style {
    /** pandas' {@code to_csv(index=False)}: NaN written empty, booleans {@code True} / {@code False}. */
    PANDAS("", "True", "False"),
    /** polars' {@code write_csv}: NaN written {@code NaN}, booleans {@code true} / {@code false}. */
    POLARS("NaN", "true", "false");

    private final String nan;
    private final String yes;
    private final String no;

    Style(String nan, String yes, String no) {
      this.nan = nan;
      this.yes = yes;
      this.no = no;
    }

    /** A double as this library writes it into a CSV cell. */
    public String formatDouble(double x) {
      return Double.isNaN(x) ? nan : PythonFloats.repr(x);
    }

    String formatBoolean(boolean b) {
      return b ? yes : no;
    }
  }

  /** Writes {@code table} to {@code target} atomically in pandas' format and returns {@code target}. */
  public static Path write(Table table, Path target) {
    return write(table, target, Style.PANDAS);
  }

  /** Writes {@code table} to {@code target} atomically in {@code style} and returns {@code target}. */
  public static Path write(Table table, Path target, Style style) {
    return AtomicFiles.write(target, out -> new CsvBytes(out).write(table, style));
  }

  /** The CSV text of {@code table} in pandas' format. */
  public static String toCsv(Table table) {
    return toCsv(table, Style.PANDAS);
  }

  /** The CSV text of {@code table} in {@code style}. */
  public static String toCsv(Table table, Style style) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(Math.max(16, table.rowCount() * 48));
    try {
      new CsvBytes(b).write(table, style);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The CSV text of {@code table} cell by cell through {@link #cell}: the plain form of what
   * {@link CsvBytes} writes, kept as the reference it is tested against.
   */
  static String toCsvByCells(Table table, Style style) {
    StringBuilder w = new StringBuilder();
    List<Column<?>> cols = table.columns();
    for (int c = 0; c < cols.size(); c++) w.append(c > 0 ? "," : "").append(quote(cols.get(c).name()));
    w.append('\n');
    for (int r = 0; r < table.rowCount(); r++) {
      for (int c = 0; c < cols.size(); c++) w.append(c > 0 ? "," : "").append(cell(cols.get(c), r, style));
      w.append('\n');
    }
    return w.toString();
  }

  /** A double as Python's {@code repr} prints it ({@code nan}, {@code inf} included). */
  public static String formatDouble(double x) {
    return PythonFloats.repr(x);
  }

  /** Writes one record of text fields (null written empty), quoted where needed, and a {@code \n}. */
  public static void writeRow(Writer w, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) w.write(',');
      String f = fields.get(i);
      if (f != null) w.write(quote(f));
    }
    w.write('\n');
  }

  /** The text of one cell as the paper's writers give it (quoted where needed). */
  static String cell(Column<?> col, int row, Style style) {
    if (col instanceof DoubleColumn d) return style.formatDouble(d.getDouble(row));
    if (col instanceof FloatColumn f) {
      float x = f.getFloat(row);
      return Float.isNaN(x) ? style.nan : PythonFloats.repr(x);
    }
    if (col instanceof IntColumn i) return i.isMissing(row) ? "" : Integer.toString(i.getInt(row));
    if (col.isMissing(row)) return "";
    if (col instanceof BooleanColumn b) return style.formatBoolean(b.get(row));
    return quote(String.valueOf(col.get(row)));
  }

  static String quote(String s) {
    boolean needs = false;
    for (int i = 0; i < s.length() && !needs; i++) {
      char ch = s.charAt(i);
      needs = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
