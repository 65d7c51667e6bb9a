package org.mcalign.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The named, equally long columns a formula reads: a Tablesaw table's, or columns without a
 * {@link Table} at all (the first use of Tablesaw's Table class scans the class path, over a
 * second of CPU in the packaged jar, which {@code mcalign fit} spares itself).
 */
public final class Columns {
  private final String name;
  private final List<Column<?>> columns;
  private final Map<String, Column<?>> byName = new HashMap<>();

  public Columns(String name, List<? extends Column<?>> columns) {
    this.name = name;
    this.columns = List.copyOf(columns);
    for (Column<?> c : columns) {
      if (c.size() != this.columns.get(0).size())
        throw new IllegalArgumentException(name + ": column '" + c.name() + "' has " + c.size() + " rows, not " + this.columns.get(0).size());
      byName.put(c.name(), c);
    }
  }

  public static Columns of(Table table) {
    return new Columns(table.name(), table.columns());
  }

  public String name() {
    return name;
  }

  public int rowCount() {
    return columns.isEmpty() ? 0 : columns.get(0).size();
  }

  public boolean containsColumn(String column) {
    return byName.containsKey(column);
  }

  /** The column called {@code column}; see {@link #containsColumn}. */
  public Column<?> column(String column) {
    Column<?> c = byName.get(column);
    if (c == null) throw new IllegalArgumentException(name + ": no column '" + column + "' (columns: " + columnNames() + ")");
    return c;
  }

  public List<String> columnNames() {
    List<String> out = new ArrayList<>();
    for (Column<?> c : columns) out.add(c.name());
    return out;
  }
}
