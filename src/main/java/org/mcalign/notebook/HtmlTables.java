package org.mcalign.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as a styled HTML table: column names with their types, numbers right
 * aligned and shown to 6 significant digits, long tables cut to their head and tail with
 * the full size in a footer.
 */
final class HtmlTables {
  private HtmlTables() {}

  static final String STYLE =
      "<style>"
          + ".mca-table{border-collapse:collapse;font-size:12px;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:2px 0}"
          + "table.mca-table th,table.mca-table td{padding:3px 8px;border-bottom:1px solid #e3e3e3;text-align:left;white-space:nowrap}"
          + "table.mca-table thead th{border-bottom:2px solid #999;background:#f7f7f7;vertical-align:bottom}"
          + ".mca-table th small{display:block;font-weight:normal;color:#888}"
          + "table.mca-table td.num{text-align:right;font-variant-numeric:tabular-nums}"
          + ".mca-table td.na{color:#aaa}"
          + ".mca-table tr.gap td{text-align:center;color:#888;background:#fafafa}"
          + ".mca-table tbody tr:hover{background:#f2f6fb}"
          + ".mca-table caption{caption-side:top;text-align:left;font-weight:bold;padding:2px 0}"
          + ".mca-foot{font-size:11px;color:#666;margin:2px 0 6px 0}"
          + "</style>";

  /** Renders {@code table}; beyond {@code maxRows} rows shows the first and last rows only. */
  static String toHtml(Table table, int maxRows) {
    int rows = table.rowCount();
    int cols = table.columnCount();
    boolean cut = rows > maxRows;
    int head = cut ? Math.max(1, maxRows - Math.max(1, maxRows / 5)) : rows;
    int tail = cut ? maxRows - head : 0;
    StringBuilder sb = new StringBuilder(256 + Math.min(rows, maxRows) * cols * 24);
    sb.append("<div class=\"mca-table-wrap\">").append(STYLE).append("<table class=\"mca-table\">");
    if (table.name() != null && !table.name().isBlank()) {
      sb.append("<caption>").append(escape(table.name())).append("</caption>");
    }
    sb.append("<thead><tr><th></th>");
    for (Column<?> c : table.columns()) {
      sb.append("<th>").append(escape(c.name())).append("<small>")
          .append(escape(typeName(c.type()))).append("</small></th>");
    }
    sb.append("</tr></thead><tbody>");
    for (int r = 0; r < head; r++) row(sb, table, r);
    if (cut) {
      sb.append("<tr class=\"gap\"><td>…</td><td colspan=\"").append(Math.max(1, cols)).append("\">… ")
          .append(String.format("%,d", rows - head - tail)).append(" more rows …</td></tr>");
      for (int r = rows - tail; r < rows; r++) row(sb, table, r);
    }
    sb.append("</tbody></table><p class=\"mca-foot\">")
        .append(String.format("%,d rows × %,d columns", rows, cols));
    if (cut) sb.append(" (showing first ").append(head).append(" and last ").append(tail).append(")");
    sb.append("</p></div>");
    return sb.toString();
  }

  private static void row(StringBuilder sb, Table t, int r) {
    sb.append("<tr><th>").append(r).append("</th>");
    for (Column<?> c : t.columns()) {
      if (c.isMissing(r)) {
        sb.append(c instanceof NumericColumn ? "<td class=\"num na\">NaN</td>" : "<td class=\"na\"></td>");
      } else if (c instanceof NumericColumn<?> n && isFloating(c.type())) {
        sb.append("<td class=\"num\">").append(formatDouble(n.getDouble(r))).append("</td>");
      } else if (c instanceof NumericColumn) {
        sb.append("<td class=\"num\">").append(escape(c.getString(r))).append("</td>");
      } else {
        sb.append("<td>").append(escape(c.getString(r))).append("</td>");
      }
    }
    sb.append("</tr>");
  }

  private static boolean isFloating(ColumnType type) {
    return type == ColumnType.DOUBLE || type == ColumnType.FLOAT;
  }

  private static String typeName(ColumnType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** 6 significant digits, no exponent in [1e-4, 1e9), no trailing zeros; like pandas' display. */
  static String formatDouble(double x) {
    if (Double.isNaN(x)) return "NaN";
    if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
    if (x == 0) return "0";
    double a = Math.abs(x);
    if (a >= 1e-4 && a < 1e9) {
      return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
    return String.format(java.util.Locale.ROOT, "%.5e", x);
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
