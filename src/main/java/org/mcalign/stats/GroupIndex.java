package org.mcalign.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows grouped by one or more key columns, as int codes plus a compact row list per group
 * (CSR layout: the rows of group g are {@code rows()[start(g) .. end(g))}). Groups are
 * numbered in order of first appearance; build it once, then aggregate many times over
 * primitive arrays (or over a resample of the rows with {@link #over(int[])}).
 */
public final class GroupIndex {
  private final List<List<String>> keys;
  private final int[] codes; // code per source row
  private final int[] offsets; // size groups+1
  private final int[] rows;

  private GroupIndex(List<List<String>> keys, int[] codes, int[] offsets, int[] rows) {
    this.keys = keys;
    this.codes = codes;
    this.offsets = offsets;
    this.rows = rows;
  }

  /** Groups rows {@code 0..n-1} by the tuple of the given key columns (all of equal length). */
  public static GroupIndex of(String[]... keyColumns) {
    if (keyColumns.length == 0) throw new IllegalArgumentException("group-by needs at least one key column");
    int n = keyColumns[0].length;
    for (String[] c : keyColumns)
      if (c.length != n) throw new IllegalArgumentException("key columns differ in length: " + n + " vs " + c.length);
    Map<List<String>, Integer> ids = new HashMap<>();
    List<List<String>> keys = new ArrayList<>();
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      String[] k = new String[keyColumns.length];
      for (int j = 0; j < k.length; j++) k[j] = keyColumns[j][i];
      List<String> key = List.of(k);
      Integer id = ids.get(key);
      if (id == null) {
        id = keys.size();
        ids.put(key, id);
        keys.add(key);
      }
      codes[i] = id;
    }
    return fromCodes(keys, codes, identity(n));
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    return a;
  }

  /** Counting sort of {@code sample} (source row numbers, may repeat) into groups. */
  private static GroupIndex fromCodes(List<List<String>> keys, int[] codes, int[] sample) {
    int g = keys.size();
    int[] offsets = new int[g + 1];
    for (int r : sample) offsets[codes[r] + 1]++;
    for (int i = 0; i < g; i++) offsets[i + 1] += offsets[i];
    int[] fill = Arrays.copyOf(offsets, g);
    int[] rows = new int[sample.length];
    for (int r : sample) rows[fill[codes[r]]++] = r;
    return new GroupIndex(keys, codes, offsets, rows);
  }

  /** The same groups over a resample: {@code sample} holds source row numbers (may repeat). */
  public GroupIndex over(int[] sample) {
    return fromCodes(keys, codes, sample);
  }

  public int groupCount() {
    return keys.size();
  }

  /** The key tuple of group {@code g}. */
  public List<String> key(int g) {
    return keys.get(g);
  }

  /** Group code of each source row. */
  public int[] codes() {
    return codes;
  }

  public int start(int g) {
    return offsets[g];
  }

  public int end(int g) {
    return offsets[g + 1];
  }

  public int size(int g) {
    return offsets[g + 1] - offsets[g];
  }

  /** Source row numbers, grouped; see {@link #start} and {@link #end}. */
  public int[] rows() {
    return rows;
  }

  /** Spearman's rho of x and y within each group (NaN for groups with fewer than 2 rows). */
  public double[] spearman(double[] x, double[] y) {
    double[] out = new double[groupCount()];
    for (int g = 0; g < out.length; g++) out[g] = Correlation.spearman(x, y, rows, start(g), end(g));
    return out;
  }

  /** Pearson's r within each group. */
  public double[] pearson(double[] x, double[] y) {
    double[] out = new double[groupCount()];
    for (int g = 0; g < out.length; g++) {
      int m = size(g);
      double[] gx = new double[m], gy = new double[m];
      gather(x, y, g, gx, gy);
      out[g] = Correlation.pearson(gx, gy);
    }
    return out;
  }

  /** Mean alignment (1 − mean |x − y|) within each group. */
  public double[] meanAlignment(double[] x, double[] y) {
    double[] out = new double[groupCount()];
    for (int g = 0; g < out.length; g++) {
      int m = size(g);
      double[] gx = new double[m], gy = new double[m];
      gather(x, y, g, gx, gy);
      out[g] = Correlation.meanAlignment(gx, gy);
    }
    return out;
  }

  /** Mean of x within each group (NaN for an empty group). */
  public double[] mean(double[] x) {
    double[] out = new double[groupCount()];
    for (int g = 0; g < out.length; g++) {
      double s = 0;
      for (int i = start(g); i < end(g); i++) s += x[rows[i]];
      out[g] = size(g) == 0 ? Double.NaN : s / size(g);
    }
    return out;
  }

  /** Number of rows of each group. */
  public int[] counts() {
    int[] out = new int[groupCount()];
    for (int g = 0; g < out.length; g++) out[g] = size(g);
    return out;
  }

  private void gather(double[] x, double[] y, int g, double[] gx, double[] gy) {
    for (int i = start(g), k = 0; i < end(g); i++, k++) {
      gx[k] = x[rows[i]];
      gy[k] = y[rows[i]];
    }
  }
}
