package org.mcalign.analysis.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Compact result and failure tables of a stage run, for the notebooks. */
final class RunSummary {
  private RunSummary() {}

  record Row(String what, int requests, int answered, int alreadyStored, int failed, String output) {}

  static Table results(String name, List<Row> rows) {
    StringColumn w = StringColumn.create("run");
    IntColumn n = IntColumn.create("requests");
    IntColumn a = IntColumn.create("answered now");
    IntColumn s = IntColumn.create("from store");
    IntColumn f = IntColumn.create("failed");
    StringColumn o = StringColumn.create("output");
    for (Row r : rows) {
      w.append(r.what());
      n.append(r.requests());
      a.append(r.answered());
      s.append(r.alreadyStored());
      f.append(r.failed());
      o.append(r.output());
    }
    return Table.create(name, w, n, a, s, f, o);
  }

  static Table failures(String name, Map<String, String> failures) {
    StringColumn id = StringColumn.create("run");
    StringColumn e = StringColumn.create("error");
    List<String> keys = new ArrayList<>(failures.keySet());
    for (String k : keys) {
      id.append(k);
      e.append(failures.get(k));
    }
    return Table.create(name, id, e);
  }
}
