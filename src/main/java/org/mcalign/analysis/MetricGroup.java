package org.mcalign.analysis;

import java.util.Arrays;

/**
 * One group of rows (e.g. one model × ground-truth group × response language) whose metric
 * is computed from per-row multiplicities {@code w[row]} (how often a bootstrap draw picked
 * the row). Both scores take few distinct values inside a group (pro scores are fractions of
 * at most ten opinions; a ground-truth group has one value per question), so average ranks
 * come from weighted counts per distinct value: O(rows + distinct values) per round, no
 * sorting, same numbers as ranking the expanded sample.
 */
final class MetricGroup {
  final int[] rows;
  private final double[] x;
  private final double[] y;
  /** |x − y| per row, the mean alignment's terms (the same doubles every round). */
  private final double[] absDiff;
  private final int[] xCode;
  private final int[] yCode;
  private final int kx;
  private final int ky;

  /** {@code rows}: indices into the full arrays {@code xAll}, {@code yAll}. */
  MetricGroup(int[] rows, double[] xAll, double[] yAll) {
    this.rows = rows;
    this.x = new double[rows.length];
    this.y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      x[i] = xAll[rows[i]];
      y[i] = yAll[rows[i]];
    }
    this.absDiff = new double[rows.length];
    for (int i = 0; i < rows.length; i++) absDiff[i] = Math.abs(x[i] - y[i]);
    this.xCode = new int[rows.length];
    this.yCode = new int[rows.length];
    this.kx = encode(x, xCode);
    this.ky = encode(y, yCode);
  }

  int distinct() {
    return Math.max(kx, ky);
  }

  /** Codes each value by its position among the sorted distinct values; returns their count. */
  static int encode(double[] v, int[] code) {
    double[] d = v.clone();
    Arrays.sort(d);
    int k = 0;
    for (int i = 0; i < d.length; i++) if (i == 0 || Double.compare(d[i], d[k - 1]) != 0) d[k++] = d[i];
    for (int i = 0; i < v.length; i++) code[i] = Arrays.binarySearch(d, 0, k, v[i]);
    return k;
  }

  /**
   * The metric over the rows with multiplicities {@code w} (indexed by global row; all ones =
   * no resampling). NaN when the group is empty or (correlations) a side is constant.
   * {@code scratchA}, {@code scratchB} are reusable buffers of at least {@link #distinct()}.
   */
  double compute(Metric metric, int[] w, double[] scratchA, double[] scratchB) {
    return switch (metric) {
      case SPEARMAN -> spearman(w, scratchA, scratchB);
      case PEARSON -> pearson(w);
      case MEAN_ALIGNMENT -> meanAlignment(w);
    };
  }

  /** Total multiplicity of the group's rows. */
  long weight(int[] w) {
    long n = 0;
    for (int r : rows) n += w[r];
    return n;
  }

  private double spearman(int[] w, double[] rx, double[] ry) {
    Arrays.fill(rx, 0, kx, 0.0);
    Arrays.fill(ry, 0, ky, 0.0);
    long n = 0;
    // rows not drawn (w = 0) add ±0.0, which changes no sum (none is ever -0.0): no branch on them
    for (int i = 0; i < rows.length; i++) {
      int wi = w[rows[i]];
      n += wi;
      rx[xCode[i]] += wi;
      ry[yCode[i]] += wi;
    }
    if (n < 2) return Double.NaN;
    double mean = (n + 1) / 2.0;
    toCenteredRanks(rx, kx, mean);
    toCenteredRanks(ry, ky, mean);
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < rows.length; i++) {
      int wi = w[rows[i]];
      double dx = rx[xCode[i]], dy = ry[yCode[i]];
      sxy += wi * dx * dy;
      sxx += wi * dx * dx;
      syy += wi * dy * dy;
    }
    return correlation(sxy, sxx, syy);
  }

  /** Turns counts per distinct value (ascending) into average ranks minus {@code mean}. */
  static void toCenteredRanks(double[] counts, int k, double mean) {
    double below = 0;
    for (int j = 0; j < k; j++) {
      double c = counts[j];
      counts[j] = below + (c + 1) / 2.0 - mean;
      below += c;
    }
  }

  static double correlation(double sxy, double sxx, double syy) {
    if (sxx <= 0 || syy <= 0) return Double.NaN;
    double r = sxy / Math.sqrt(sxx * syy);
    return Math.max(-1.0, Math.min(1.0, r));
  }

  private double pearson(int[] w) {
    long n = 0;
    double sx = 0, sy = 0;
    for (int i = 0; i < rows.length; i++) {
      int wi = w[rows[i]];
      n += wi;
      sx += wi * x[i];
      sy += wi * y[i];
    }
    if (n < 2) return Double.NaN;
    double mx = sx / n, my = sy / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < rows.length; i++) {
      int wi = w[rows[i]];
      double dx = x[i] - mx, dy = y[i] - my;
      sxy += wi * dx * dy;
      sxx += wi * dx * dx;
      syy += wi * dy * dy;
    }
    return correlation(sxy, sxx, syy);
  }

  private double meanAlignment(int[] w) {
    long n = 0;
    double s = 0;
    for (int i = 0; i < rows.length; i++) {
      int wi = w[rows[i]];
      n += wi;
      s += wi * absDiff[i];
    }
    return n == 0 ? Double.NaN : 1.0 - s / n;
  }
}
