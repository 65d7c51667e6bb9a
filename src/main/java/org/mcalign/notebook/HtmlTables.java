package org.mcalign.notebook;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as an HTML table that reads the same with or without its style sheet
 * (GitHub and some viewers drop {@code <style>} from notebook outputs): numbers are
 * right-aligned by inline attributes, each column's type is the header's tooltip, long names
 * and terms may wrap at {@code : _ , [} so a wide table fits the page, numbers show
 * {@value Numbers#TABLE_DIGITS} significant digits and p-values {@code <0.001}, long tables are
 * cut to their head and tail with the full size in a footer.
 */
final class HtmlTables {
  private HtmlTables() {}

  /** Cosmetics only: everything that matters for reading is in the table's own attributes. */
  static final String STYLE =
      "<style>"
          + ".mca-table{border-collapse:collapse;font-size:12px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:2px 0}"
          + "table.mca-table th,table.mca-table td{padding:3px 8px;border-bottom:1px solid #e3e3e3;vertical-align:top}"
          + "table.mca-table thead th{border-bottom:2px solid #999;background:#f7f7f7;vertical-align:bottom}"
          + "table.mca-table td.num{font-variant-numeric:tabular-nums}"
          + ".mca-table td.na{color:#aaa}"
          + ".mca-table tr.gap td{color:#888;background:#fafafa}"
          + ".mca-table tbody tr:hover{background:#f2f6fb}"
          + ".mca-table caption{caption-side:top;text-align:left;font-weight:bold;padding:2px 0}"
          + ".mca-foot{font-size:11px;color:#666;margin:2px 0 6px 0}"
          + "</style>";

  private static final String NUM = "<td class=\"num\" align=\"right\" style=\"text-align:right;white-space:nowrap\">";

  /** Renders {@code table}; beyond {@code maxRows} rows shows the first and last rows only. */
  static String toHtml(Table table, int maxRows) {
    int rows = table.rowCount();
    int cols = table.columnCount();
    boolean cut = rows > maxRows;
    int head = cut ? Math.max(1, maxRows - Math.max(1, maxRows / 5)) : rows;
    int tail = cut ? maxRows - head : 0;
    StringBuilder sb = new StringBuilder(256 + Math.min(rows, maxRows) * cols * 48);
    sb.append("<div class=\"mca-table-wrap\" style=\"max-width:100%\">").append(STYLE)
        .append("<table class=\"mca-table\" border=\"0\" cellpadding=\"3\">");
    if (table.name() != null && !table.name().isBlank()) {
      sb.append("<caption align=\"top\" style=\"text-align:left\"><b>").append(wrappable(table.name())).append("</b></caption>");
    }
    sb.append("<thead><tr><th></th>");
    for (Column<?> c : table.columns()) {
      boolean num = c instanceof NumericColumn;
      sb.append("<th title=\"").append(escape(typeName(c))).append("\"")
          .append(num ? " align=\"right\" style=\"text-align:right\"" : " align=\"left\" style=\"text-align:left\"")
          .append(">").append(wrappable(c.name())).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (int r = 0; r < head; r++) row(sb, table, r);
    if (cut) {
      sb.append("<tr class=\"gap\"><td>…</td><td colspan=\"").append(Math.max(1, cols)).append("\" align=\"center\">… ")
          .append(String.format("%,d", rows - head - tail)).append(" more rows …</td></tr>");
      for (int r = rows - tail; r < rows; r++) row(sb, table, r);
    }
    sb.append("</tbody></table><p class=\"mca-foot\"><small>")
        .append(String.format("%,d rows × %,d columns", rows, cols));
    if (cut) sb.append(" (showing first ").append(head).append(" and last ").append(tail).append(")");
    sb.append("</small></p></div>");
    return sb.toString();
  }

  private static void row(StringBuilder sb, Table t, int r) {
    sb.append("<tr><th align=\"right\" style=\"text-align:right\">").append(r).append("</th>");
    for (Column<?> c : t.columns()) {
      if (c.isMissing(r)) {
        sb.append(c instanceof NumericColumn ? NUM.replace("class=\"num\"", "class=\"num na\"") + "NaN</td>" : "<td class=\"na\" align=\"left\"></td>");
      } else if (c instanceof NumericColumn<?> n && isFloating(c.type())) {
        sb.append(NUM).append(escape(formatNumber(c.name(), n.getDouble(r)))).append("</td>");
      } else if (c instanceof NumericColumn) {
        sb.append(NUM).append(escape(c.getString(r))).append("</td>");
      } else {
        sb.append("<td align=\"left\" style=\"text-align:left\">").append(wrappable(c.getString(r))).append("</td>");
      }
    }
    sb.append("</tr>");
  }

  /** A floating-point cell: a p-value column's way, else significant digits. */
  static String formatNumber(String column, double x) {
    return Numbers.isPValueColumn(column) ? Numbers.pValue(x) : Numbers.cell(x);
  }

  static boolean isFloating(ColumnType type) {
    return type == ColumnType.DOUBLE || type == ColumnType.FLOAT;
  }

  /** The column's type as its header tooltip says it: "double", "string", "p-value (double)". */
  private static String typeName(Column<?> c) {
    String t = c.type().name().toLowerCase(java.util.Locale.ROOT);
    return Numbers.isPValueColumn(c.name()) && isFloating(c.type()) ? "p-value (" + t + "; below 0.001 shown as <0.001)" : t;
  }

  /** Escaped text with a line-break opportunity after ':', '_', ',', '/' and before '[' (long terms and column names). */
  static String wrappable(String s) {
    String e = escape(s);
    if (e.length() <= 16) return e;
    StringBuilder sb = new StringBuilder(e.length() + 16);
    for (int i = 0; i < e.length(); i++) {
      char ch = e.charAt(i);
      if (ch == '[' && i > 0) sb.append("<wbr>");
      sb.append(ch);
      if ((ch == ':' || ch == '_' || ch == ',' || ch == '/') && i + 1 < e.length()) sb.append("<wbr>");
    }
    return sb.toString();
  }

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      String rep = switch (ch) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (rep != null) {
        if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        sb.append(rep);
      } else if (sb != null) {
        sb.append(ch);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
