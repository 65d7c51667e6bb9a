package org.mcalign.analysis;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Row take that keeps duplicates (Tablesaw's {@code rows(int...)} is a set and drops them). */
final class Take {
  private Take() {}

  static Table rows(Table t, int[] idx) {
    Table out = Table.create(t.name());
    for (Column<?> c : t.columns()) {
      if (c instanceof DoubleColumn d) {
        double[] v = new double[idx.length];
        for (int i = 0; i < idx.length; i++) v[i] = d.getDouble(idx[i]);
        out.addColumns(DoubleColumn.create(c.name(), v));
      } else if (c instanceof IntColumn ic) {
        int[] v = new int[idx.length];
        for (int i = 0; i < idx.length; i++) v[i] = ic.getInt(idx[i]);
        out.addColumns(IntColumn.create(c.name(), v));
      } else if (c instanceof StringColumn s) {
        String[] v = new String[idx.length];
        for (int i = 0; i < idx.length; i++) v[i] = s.get(idx[i]);
        out.addColumns(StringColumn.create(c.name(), v));
      } else if (c instanceof BooleanColumn b) {
        BooleanColumn nb = BooleanColumn.create(c.name(), idx.length);
        for (int i = 0; i < idx.length; i++) nb.set(i, b.get(idx[i]));
        out.addColumns(nb);
      } else {
        throw new IllegalArgumentException("cannot resample column " + c.name() + " of type " + c.type());
      }
    }
    return out;
  }
}
