package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mcalign.data.StringColumns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * (x, y) rows in named groups, for the paper's {@code sample_and_calculate}: per round, each
 * group is resampled to {@code n} rows with replacement ({@code groupby().sample(n, replace=True)})
 * and its metric computed. Rows are added once; groups are sorted by name for output.
 */
final class GroupedPairs {
  final String[] keyColumns;
  private final Map<List<String>, Integer> index = new HashMap<>();
  private final List<List<String>> names = new ArrayList<>();
  private double[] x = new double[1024], y = new double[1024];
  private int[] group = new int[1024];
  private int n;

  GroupedPairs(String... keyColumns) {
    this.keyColumns = keyColumns;
  }

  void add(double xv, double yv, String... key) {
    List<String> k = List.of(key);
    Integer g = index.get(k);
    if (g == null) { g = names.size(); index.put(k, g); names.add(k); }
    if (n == x.length) {
      x = Arrays.copyOf(x, 2 * n);
      y = Arrays.copyOf(y, 2 * n);
      group = Arrays.copyOf(group, 2 * n);
    }
    x[n] = xv;
    y[n] = yv;
    group[n++] = g;
  }

  int groups() {
    return names.size();
  }

  /** Group ids sorted by their names (lexicographic over key columns). */
  int[] sortedGroups() {
    Integer[] o = new Integer[names.size()];
    for (int i = 0; i < o.length; i++) o[i] = i;
    Arrays.sort(o, (a, b) -> {
      for (int c = 0; c < keyColumns.length; c++) {
        int r = names.get(a).get(c).compareTo(names.get(b).get(c));
        if (r != 0) return r;
      }
      return 0;
    });
    return Arrays.stream(o).mapToInt(Integer::intValue).toArray();
  }

  List<String> name(int g) {
    return names.get(g);
  }

  /**
   * Per round, the metric of every group (index = group id) on {@code perGroup} rows drawn
   * with replacement from the group; {@code rounds = 0}: one pass over all rows, unweighted.
   */
  List<double[]> sampleMetric(Metric metric, int perGroup, int rounds, long seed, int threads) {
    Grouping gr = Grouping.of(n, i -> group[i]);
    // each group on its own copy of its rows (indices 0..size-1), so that a round's
    // multiplicities stay in one small array instead of scattering over all rows
    MetricGroup[] mg = new MetricGroup[names.size()];
    int md = 1, longest = 0;
    for (int k = 0; k < gr.size(); k++) {
      int[] r = gr.rows[k];
      double[] gx = new double[r.length], gy = new double[r.length];
      for (int i = 0; i < r.length; i++) {
        gx[i] = x[r[i]];
        gy[i] = y[r[i]];
      }
      MetricGroup g = new MetricGroup(java.util.stream.IntStream.range(0, r.length).toArray(), gx, gy);
      mg[(int) gr.keys[k]] = g;
      md = Math.max(md, g.distinct());
      longest = Math.max(longest, r.length);
    }
    final int maxDistinct = md, maxRows = longest;
    Rounds.Body<double[]> body = (round, rng) -> {
      int[] w = new int[maxRows];
      double[] a = new double[maxDistinct], b = new double[maxDistinct], out = new double[mg.length];
      for (int g = 0; g < mg.length; g++) {
        int size = mg[g].rows.length;
        if (rng == null) Arrays.fill(w, 0, size, 1);
        else rng.count(w, perGroup, size);
        out[g] = mg[g].compute(metric, w, a, b);
        Arrays.fill(w, 0, size, 0);
      }
      return out;
    };
    return rounds == 0 ? List.of(body.run(0, null)) : Rounds.run(rounds, seed, threads, body);
  }

  /**
   * {@link #sampleMetric} as it was before each group got its own rows: multiplicities over all
   * rows. Kept as the reference the fast path is tested against (same draws, same sums).
   */
  List<double[]> sampleMetricReference(Metric metric, int perGroup, int rounds, long seed, int threads) {
    Grouping gr = Grouping.of(n, i -> group[i]);
    MetricGroup[] mg = new MetricGroup[names.size()];
    int md = 1;
    for (int k = 0; k < gr.size(); k++) {
      mg[(int) gr.keys[k]] = new MetricGroup(gr.rows[k], x, y);
      md = Math.max(md, mg[(int) gr.keys[k]].distinct());
    }
    final int maxDistinct = md;
    final int rows = n;
    Rounds.Body<double[]> body = (round, rng) -> {
      int[] w = new int[rows];
      double[] a = new double[maxDistinct], b = new double[maxDistinct], out = new double[mg.length];
      for (int g = 0; g < mg.length; g++) {
        int[] r = mg[g].rows;
        if (rng == null) for (int i : r) w[i] = 1;
        else for (int i = 0; i < perGroup; i++) w[r[rng.nextInt(r.length)]]++;
        out[g] = mg[g].compute(metric, w, a, b);
        for (int i : r) w[i] = 0;
      }
      return out;
    };
    return rounds == 0 ? List.of(body.run(0, null)) : Rounds.run(rounds, seed, threads, body);
  }

  /** One row per (round, group), groups sorted by name: the key columns, {@code valueColumn}, then the round. */
  Table table(String name, List<double[]> perRound, String valueColumn) {
    int[] order = sortedGroups();
    int groups = order.length, rows = perRound.size() * groups;
    int[] codes = new int[rows]; // the group's position in order, for every round
    double[] v = new double[rows];
    int[] round = new int[rows];
    for (int r = 0, p = 0; r < perRound.size(); r++) {
      double[] values = perRound.get(r);
      for (int j = 0; j < groups; j++, p++) {
        codes[p] = j;
        v[p] = values[order[j]];
        round[p] = r;
      }
    }
    Table t = Table.create(name);
    for (int c = 0; c < keyColumns.length; c++) {
      String[] names = new String[groups];
      for (int j = 0; j < groups; j++) names[j] = this.names.get(order[j]).get(c);
      t.addColumns(StringColumns.of(keyColumns[c], names, codes, rows));
    }
    return t.addColumns(DoubleColumn.create(valueColumn, v), IntColumn.create("round", round));
  }

}
