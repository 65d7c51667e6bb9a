package org.mcalign.plot;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Column checks and typed access with errors that name the figure, the table and the column. */
final class Columns {
  private Columns() {}

  /** Throws naming every missing column (and the ones present) when {@code t} lacks any. */
  static void require(String figure, Table t, String... names) {
    if (t == null) throw new IllegalArgumentException(figure + ": the table is null");
    List<String> missing = new ArrayList<>();
    for (String n : names) if (!has(t, n)) missing.add(n);
    if (!missing.isEmpty())
      throw new IllegalArgumentException(
          figure + ": table '" + t.name() + "' has no column " + String.join(", ", quote(missing))
              + " (expected " + String.join(", ", quote(List.of(names))) + "; it has " + t.columnNames() + ")");
    if (t.rowCount() == 0) throw new IllegalArgumentException(figure + ": table '" + t.name() + "' has no rows");
  }

  static boolean has(Table t, String name) {
    return t.columnNames().stream().anyMatch(c -> c.equalsIgnoreCase(name));
  }

  private static List<String> quote(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").toList();
  }

  /** The paper's {@code conf_int_lower}, or the goldens' {@code ci_lower} when only that exists. */
  static String lowerBound(Table t) {
    return !has(t, "conf_int_lower") && has(t, "ci_lower") ? "ci_lower" : "conf_int_lower";
  }

  static String upperBound(Table t) {
    return !has(t, "conf_int_upper") && has(t, "ci_upper") ? "ci_upper" : "conf_int_upper";
  }

  /** Column values as text (categorical columns of any type). */
  static String[] strings(Table t, String name) {
    Column<?> c = t.column(name);
    String[] out = new String[c.size()];
    for (int i = 0; i < out.length; i++) out[i] = c.isMissing(i) ? null : c.getString(i);
    return out;
  }

  /** Column values as doubles; fails naming the column when it is not numeric. */
  static double[] numbers(String figure, Table t, String name) {
    Column<?> c = t.column(name);
    if (!(c instanceof NumericColumn<?> n))
      throw new IllegalArgumentException(
          figure + ": column '" + name + "' of table '" + t.name() + "' must be numeric, is " + c.type()
              + (c.type() == ColumnType.STRING ? " (values such as '" + (c.size() > 0 ? c.getString(0) : "") + "')" : ""));
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) out[i] = n.isMissing(i) ? Double.NaN : n.getDouble(i);
    return out;
  }
}
