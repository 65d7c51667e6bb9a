package org.mcalign.analysis;

import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * What every analysis returns: its table (the paper's columns), the settings it ran with
 * and the seed, so that a result always says how to reproduce it.
 */
public record AnalysisResult(String name, Table table, Map<String, Object> settings, long seed) {

  /** HTML for notebooks: the table's first rows plus a line naming the seed. */
  public String toHtml() {
    return "<p><b>" + name + "</b>: " + table.rowCount() + " rows, seed " + seed + "</p>"
        + (table.rowCount() > 20 ? table.first(20) : table).printAll()
            .lines().map(l -> l.replace("&", "&amp;").replace("<", "&lt;"))
            .reduce(new StringBuilder("<pre>"), (b, l) -> b.append(l).append('\n'), StringBuilder::append)
            .append("</pre>");
  }

  @Override
  public String toString() {
    return name + " (" + table.rowCount() + " rows, seed " + seed + ")\n" + table.first(10).print();
  }
}
