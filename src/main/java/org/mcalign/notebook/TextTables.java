package org.mcalign.notebook;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table's plain-text form (what a terminal, a diff or a text-only viewer shows): the same
 * formatting as the HTML ({@value Numbers#TABLE_DIGITS} significant digits, p-values
 * {@code <0.001}), numbers right-aligned, text left-aligned, long tables cut to head and tail.
 */
final class TextTables {
  private TextTables() {}

  static String toText(Table table, int maxRows) {
    int rows = table.rowCount();
    boolean cut = rows > maxRows;
    int head = cut ? Math.max(1, maxRows - Math.max(1, maxRows / 5)) : rows;
    int tail = cut ? maxRows - head : 0;
    List<Integer> shown = new ArrayList<>();
    for (int r = 0; r < head; r++) shown.add(r);
    for (int r = rows - tail; r < rows; r++) shown.add(r);
    List<Column<?>> cols = table.columns();
    String[][] cells = new String[shown.size()][cols.size()];
    int[] width = new int[cols.size()];
    for (int c = 0; c < cols.size(); c++) {
      width[c] = cols.get(c).name().length();
      for (int i = 0; i < shown.size(); i++) {
        cells[i][c] = cell(cols.get(c), shown.get(i));
        width[c] = Math.max(width[c], cells[i][c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    if (table.name() != null && !table.name().isBlank()) sb.append(table.name()).append('\n');
    for (int c = 0; c < cols.size(); c++) {
      if (c > 0) sb.append("  ");
      sb.append(pad(cols.get(c).name(), width[c], cols.get(c) instanceof NumericColumn));
    }
    sb.append('\n');
    for (int i = 0; i < shown.size(); i++) {
      if (cut && i == head) sb.append("… ").append(String.format("%,d", rows - head - tail)).append(" more rows …\n");
      for (int c = 0; c < cols.size(); c++) {
        if (c > 0) sb.append("  ");
        sb.append(pad(cells[i][c], width[c], cols.get(c) instanceof NumericColumn));
      }
      sb.append('\n');
    }
    sb.append(String.format("%,d rows × %,d columns", rows, cols.size()));
    return sb.toString();
  }

  private static String cell(Column<?> c, int r) {
    if (c.isMissing(r)) return c instanceof NumericColumn ? "NaN" : "";
    if (c instanceof NumericColumn<?> n && HtmlTables.isFloating(c.type())) return HtmlTables.formatNumber(c.name(), n.getDouble(r));
    return c.getString(r);
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }
}
