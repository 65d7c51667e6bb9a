package org.mcalign.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The rows of a table as UTF-8 CSV bytes, for {@link CsvOut}: the analyses write tens of
 * megabytes of CSV per run, so cells go straight into a byte buffer (a text column's distinct
 * values are encoded once, numbers are laid out as bytes) instead of through a {@code Writer} as
 * a string per cell. The text is the one {@link CsvOut#cell} gives, cell by cell.
 */
final class CsvBytes {
  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int n;

  CsvBytes(OutputStream out) {
    this.out = out;
  }

  void write(Table table, CsvOut.Style style) throws IOException {
    List<Column<?>> cols = table.columns();
    for (int c = 0; c < cols.size(); c++) {
      if (c > 0) put((byte) ',');
      text(CsvOut.quote(cols.get(c).name()));
    }
    put((byte) '\n');
    Cells[] cells = new Cells[cols.size()];
    for (int c = 0; c < cells.length; c++) cells[c] = cells(cols.get(c), style);
    int rows = table.rowCount();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cells.length; c++) {
        if (c > 0) put((byte) ',');
        cells[c].write(r);
      }
      put((byte) '\n');
    }
    flush();
  }

  /** Writes one column's cell of a row. */
  private interface Cells {
    void write(int row) throws IOException;
  }

  private Cells cells(Column<?> col, CsvOut.Style style) {
    if (col instanceof DoubleColumn d) {
      byte[] nan = style.formatDouble(Double.NaN).getBytes(StandardCharsets.UTF_8);
      return r -> {
        double x = d.getDouble(r);
        if (Double.isNaN(x)) bytes(nan);
        else {
          room(PythonFloats.MAX_REPR);
          n = PythonFloats.repr(x, buf, n);
        }
      };
    }
    if (col instanceof IntColumn i) return r -> {
      if (!i.isMissing(r)) integer(i.getInt(r));
    };
    if (col instanceof StringColumn s) {
      // few distinct values, many rows: each value quoted and encoded once
      Map<String, byte[]> encoded = new HashMap<>();
      return r -> bytes(encoded.computeIfAbsent(s.get(r), v -> CsvOut.cell(s, r, style).getBytes(StandardCharsets.UTF_8)));
    }
    return r -> text(CsvOut.cell(col, r, style));
  }

  private void integer(int v) throws IOException {
    room(11);
    if (v < 0) {
      if (v == Integer.MIN_VALUE) {
        text(Integer.toString(v));
        return;
      }
      buf[n++] = '-';
      v = -v;
    }
    int digits = 1;
    for (int t = v; t >= 10; t /= 10) digits++;
    for (int p = n + digits - 1; p >= n; p--, v /= 10) buf[p] = (byte) ('0' + v % 10);
    n += digits;
  }

  private void text(String s) throws IOException {
    bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(byte[] b) throws IOException {
    if (b.length > buf.length) {
      flush();
      out.write(b);
      return;
    }
    room(b.length);
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
  }

  private void put(byte b) throws IOException {
    room(1);
    buf[n++] = b;
  }

  private void room(int bytes) throws IOException {
    if (n + bytes > buf.length) flush();
  }

  private void flush() throws IOException {
    out.write(buf, 0, n);
    n = 0;
  }
}
