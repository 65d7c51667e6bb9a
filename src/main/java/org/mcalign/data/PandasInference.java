package org.mcalign.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * pandas' type inference for one CSV column (pandas 1.5 C engine, {@code TextReader._convert_tokens}):
 * int64 when every value is an integer and none is missing; float64 when every value is a number
 * or missing; bool when every value is {@code True}/{@code TRUE}/{@code true} or the false
 * spellings and none is missing; otherwise object (text). The Tablesaw types are
 * {@link LongColumn}, {@link DoubleColumn}, {@link BooleanColumn} and {@link StringColumn}.
 *
 * <p>Two object columns need care: booleans with missing values (pandas' object column of
 * True/False/NaN) are a {@link BooleanColumn} with missing values (patsy codes both levels of
 * any boolean value), and integers beyond int64 follow pandas' uint64 detour (uint64, read as
 * float64, when all fit, else float or text as pandas decides).
 */
final class PandasInference {
  private PandasInference() {}

  /** The column and, when a few values turned a numeric or boolean column into text, a warning naming them. */
  record Inferred(Column<?> column, String warning) {}

  static Inferred infer(String name, String[] raw, int[] lines, String file) {
    int n = raw.length;
    boolean[] na = new boolean[n];
    int naCount = 0;
    for (int i = 0; i < n; i++) if (na[i] = PandasValues.isNa(raw[i])) naCount++;

    // int64, in row order: an integer beyond int64 sends pandas to its uint64 attempt
    long[] ints = new long[n];
    long[] one = new long[1];
    int status = PandasValues.INT64;
    for (int i = 0; i < n && status == PandasValues.INT64; i++) {
      if (na[i]) continue;
      status = PandasValues.scanInt64(raw[i], one);
      ints[i] = one[0];
    }
    if (status == PandasValues.INT64 && naCount == 0) return new Inferred(LongColumn.create(name, ints), null);
    Kind kind = status == PandasValues.OVERFLOW ? uint64Attempt(raw, na) : null;
    double[] floats = null;
    if (kind == null || kind == Kind.UINT64) {
      floats = new double[n];
      for (int i = 0; i < n; i++) {
        if (na[i]) {
          floats[i] = Double.NaN;
          continue;
        }
        double v = PandasValues.parseFloat(raw[i]);
        if (Double.isNaN(v)) {
          floats = null;
          break;
        }
        floats[i] = v;
      }
      if (floats != null) return new Inferred(DoubleColumn.create(name, floats), null);
    }
    if (kind != Kind.OBJECT) {
      boolean bools = true;
      for (int i = 0; i < n && bools; i++) if (!na[i] && !PandasValues.isBoolean(raw[i])) bools = false;
      if (bools && naCount == 0) {
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) v[i] = PandasValues.isTrue(raw[i]);
        return new Inferred(BooleanColumn.create(name, v), null);
      }
      if (bools) {
        // pandas' object column of True/False/NaN: a boolean column with missing values
        BooleanColumn b = BooleanColumn.create(name);
        for (int i = 0; i < n; i++) {
          if (na[i]) b.appendMissing();
          else b.append(PandasValues.isTrue(raw[i]));
        }
        return new Inferred(b, null);
      }
    }
    String[] v = new String[n];
    for (int i = 0; i < n; i++) v[i] = na[i] ? "" : raw[i];
    return new Inferred(StringColumn.create(name, v), strayValues(name, raw, na, lines, file));
  }

  enum Kind {
    UINT64,
    OBJECT
  }

  /**
   * pandas' uint64 attempt after an int64 overflow: uint64 when every value is a non-negative
   * integer below 2^64 and none is missing; text when a value is missing, negative or beyond
   * uint64; null (go on to float) when a value is not an integer at all.
   */
  private static Kind uint64Attempt(String[] raw, boolean[] na) {
    boolean nonInteger = false;
    long[] one = new long[1];
    for (int i = 0; i < raw.length; i++) {
      if (na[i]) return Kind.OBJECT;
      int status = PandasValues.scanInt64(raw[i], one);
      if (status == PandasValues.INT64) {
        if (one[0] < 0) return Kind.OBJECT;
      } else if (status == PandasValues.OVERFLOW) {
        if (!PandasValues.isUint64Only(raw[i])) return Kind.OBJECT;
      } else {
        nonInteger = true;
      }
    }
    return nonInteger ? null : Kind.UINT64;
  }

  /**
   * A warning when most values of a text column are numbers (or booleans) and a few are not:
   * one stray value, e.g. "n.a." or "12,5", makes pandas (and so patsy) treat the whole column
   * as categorical.
   */
  private static String strayValues(String name, String[] raw, boolean[] na, int[] lines, String file) {
    int values = 0, numbers = 0, bools = 0;
    for (int i = 0; i < raw.length; i++) {
      if (na[i]) continue;
      String s = raw[i];
      values++;
      if (!Double.isNaN(PandasValues.parseFloat(s))) numbers++;
      else if (PandasValues.isBoolean(s)) bools++;
    }
    boolean numeric = numbers * 2 >= values && numbers > 0;
    boolean bool = !numeric && bools * 2 >= values && bools > 0;
    if (!numeric && !bool) return null;
    List<String> stray = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < raw.length; i++) {
      String s = raw[i];
      if (na[i]) continue;
      boolean fits = numeric ? !Double.isNaN(PandasValues.parseFloat(s)) : PandasValues.isBoolean(s);
      if (fits) continue;
      if (count++ < 3) stray.add("'" + CsvTableReader.clip(s) + "' on line " + lines[i]);
    }
    String what = numeric ? "numbers" : "booleans";
    return file + ": column '" + name + "' is read as text, not " + what + ", because of " + String.join(", ", stray)
        + (count > stray.size() ? " and " + (count - stray.size()) + " more" : "") + " (" + count + " of " + values
        + " values); pandas reads it the same way, so a formula treats it as categorical. Fix or remove "
        + (count == 1 ? "that value" : "those values") + " if the column should be " + what + ".";
  }
}
