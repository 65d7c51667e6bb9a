package org.mcalign.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV for model fitting with predictable column types (Tablesaw's own detection also
 * turns columns of {@code Y}/{@code N} or {@code T}/{@code F} into booleans): a column whose
 * values are all {@code True}/{@code False} (as pandas writes booleans) is boolean, a column
 * whose values all parse as numbers is double, anything else is a string. Empty cells,
 * {@code nan} and {@code NaN} are missing.
 */
public final class CsvTables {
  private CsvTables() {}

  private static final Set<String> MISSING = Set.of("", "nan", "NaN", "NA", "null");

  public static Table read(Path file) throws IOException {
    Table raw;
    try {
      raw = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
          .columnTypes(name -> ColumnType.STRING)
          .missingValueIndicator("")
          .tableName(file.getFileName().toString()));
    } catch (RuntimeException e) {
      throw new IOException(file + ": cannot read as CSV: " + e.getMessage(), e);
    }
    Table out = Table.create(raw.name());
    for (Column<?> c : raw.columns()) out.addColumns(typed((StringColumn) c));
    return out;
  }

  static Column<?> typed(StringColumn c) {
    boolean allBool = true, allNum = true, any = false;
    for (int i = 0; i < c.size(); i++) {
      String v = c.get(i).strip();
      if (MISSING.contains(v)) continue;
      any = true;
      if (!v.equals("True") && !v.equals("False")) allBool = false;
      if (allNum) {
        try {
          Double.parseDouble(v);
        } catch (NumberFormatException e) {
          allNum = false;
        }
      }
      if (!allBool && !allNum) return c;
    }
    if (!any) return c;
    if (allBool) {
      BooleanColumn b = BooleanColumn.create(c.name());
      for (int i = 0; i < c.size(); i++) {
        String v = c.get(i).strip();
        if (MISSING.contains(v)) b.appendMissing();
        else b.append(v.equals("True"));
      }
      return b;
    }
    DoubleColumn d = DoubleColumn.create(c.name());
    for (int i = 0; i < c.size(); i++) {
      String v = c.get(i).strip();
      if (MISSING.contains(v)) d.appendMissing();
      else d.append(Double.parseDouble(v));
    }
    return d;
  }
}
