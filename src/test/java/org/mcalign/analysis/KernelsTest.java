package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mcalign.stats.Correlation;

/**
 * The counting kernels against the definitions computed the slow way: expand the resample
 * (and, for consistency, build every ordered pair of distinct positions) and call the stats
 * package's Spearman/Pearson.
 */
class KernelsTest {
  private static final double[] LEVELS = {0, 0.1, 0.25, 0.5, 0.6, 0.75, 1.0};

  @Test
  void metricGroupEqualsExpandedResample() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 30; trial++) {
      int n = 5 + rng.nextInt(60);
      double[] x = new double[n], y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = LEVELS[rng.nextInt(LEVELS.length)];
        y[i] = rng.nextInt(5) / 7.0;
      }
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) rows[i] = i;
      MetricGroup g = new MetricGroup(rows, x, y);
      int[] w = new int[n];
      Rounds.resampleCounts(w, n, org.mcalign.stats.Draws.of(rng.nextLong()));
      List<Double> ex = new ArrayList<>(), ey = new ArrayList<>();
      for (int i = 0; i < n; i++) for (int k = 0; k < w[i]; k++) { ex.add(x[i]); ey.add(y[i]); }
      double[] xs = ex.stream().mapToDouble(Double::doubleValue).toArray();
      double[] ys = ey.stream().mapToDouble(Double::doubleValue).toArray();
      double[] a = new double[g.distinct()], b = new double[g.distinct()];
      assertClose(Correlation.spearman(xs, ys), g.compute(Metric.SPEARMAN, w, a, b));
      assertClose(Correlation.pearson(xs, ys), g.compute(Metric.PEARSON, w, a, b));
      assertClose(Correlation.meanAlignment(xs, ys), g.compute(Metric.MEAN_ALIGNMENT, w, a, b));
    }
  }

  @Test
  void consistencyEqualsExplicitPairs() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 30; trial++) {
      int cells = 2 + rng.nextInt(8);
      List<int[]> cellRows = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (int c = 0; c < cells; c++) {
        int m = 1 + rng.nextInt(6);
        int[] r = new int[m];
        for (int i = 0; i < m; i++) { r[i] = values.size(); values.add(LEVELS[rng.nextInt(LEVELS.length)]); }
        cellRows.add(r);
      }
      double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
      ConsistencyGroup g = new ConsistencyGroup(cellRows.toArray(new int[0][]), v);
      int[] w = new int[v.length];
      Rounds.resampleCounts(w, v.length, org.mcalign.stats.Draws.of(rng.nextLong()));
      // expand: each row appears w[row] times as a distinct position in its cell
      List<Double> left = new ArrayList<>(), right = new ArrayList<>();
      List<Double> leftRows = new ArrayList<>(), rightRows = new ArrayList<>();
      for (int[] cell : cellRows) {
        List<Double> pos = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        for (int r : cell) for (int k = 0; k < w[r]; k++) { pos.add(v[r]); origin.add(r); }
        for (int i = 0; i < pos.size(); i++)
          for (int j = 0; j < pos.size(); j++) {
            if (i != j) { left.add(pos.get(i)); right.add(pos.get(j)); }
            if (!origin.get(i).equals(origin.get(j))) { leftRows.add(pos.get(i)); rightRows.add(pos.get(j)); }
          }
      }
      assertClose(spearman(left, right), g.spearman(w, new double[g.distinct()], ConsistencyPairs.DISTINCT_POSITIONS));
      assertClose(spearman(leftRows, rightRows), g.spearman(w, new double[g.distinct()], ConsistencyPairs.DISTINCT_ROWS));
    }
  }

  private static double spearman(List<Double> a, List<Double> b) {
    return a.size() < 2 ? Double.NaN : Correlation.spearman(a.stream().mapToDouble(Double::doubleValue).toArray(),
        b.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static void assertClose(double expected, double actual) {
    if (Double.isNaN(expected)) assertTrue(Double.isNaN(actual), "expected NaN, got " + actual);
    else assertEquals(expected, actual, 1e-12);
  }
}
