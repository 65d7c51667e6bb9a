package org.mcalign.analysis;

import java.util.Arrays;

/**
 * Self-consistency of one (language, model) group: the Spearman correlation over all
 * ordered pairs of distinct rows that share a question (a "cell"),
 * i.e. the self-join of {@code calculate_consistency} without building the pairs. With
 * multiplicities {@code w}, a row of a cell with {@code m} sampled rows appears as the left
 * (and the right) side of {@code w·(m−1)} pairs, so the ranks of both sides come from
 * weighted counts per distinct value, and the cross-product sums per cell are
 * {@code (Σ w·d)² − Σ w·d²}: O(rows) per round instead of O(pairs).
 */
final class ConsistencyGroup {
  private final int[] cellStart; // cell c holds rows[cellStart[c] .. cellStart[c+1])
  private final int[] rows;
  private final int[] code;
  private final int k;

  ConsistencyGroup(int[][] cells, double[] valueAll) {
    cellStart = new int[cells.length + 1];
    int total = 0;
    for (int c = 0; c < cells.length; c++) {
      cellStart[c] = total;
      total += cells[c].length;
    }
    cellStart[cells.length] = total;
    rows = new int[total];
    double[] v = new double[total];
    int p = 0;
    for (int[] cell : cells) for (int r : cell) { rows[p] = r; v[p++] = valueAll[r]; }
    code = new int[total];
    k = MetricGroup.encode(v, code);
  }

  int distinct() {
    return k;
  }

  /** Spearman over the chosen pairs (NaN when there are none), not yet divided by reliability. */
  double spearman(int[] w, double[] ranks, ConsistencyPairs pairs) {
    return pairs == ConsistencyPairs.DISTINCT_ROWS ? spearmanDistinctRows(w, ranks) : spearmanDistinctPositions(w, ranks);
  }

  /** {@link ConsistencyPairs#DISTINCT_POSITIONS}: a row drawn twice pairs with its own copy. */
  double spearmanDistinctPositions(int[] w, double[] ranks) {
    Arrays.fill(ranks, 0, k, 0.0);
    long pairs = 0;
    int cells = cellStart.length - 1;
    for (int c = 0; c < cells; c++) {
      long m = 0;
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) m += w[rows[i]];
      if (m < 2) continue;
      pairs += m * (m - 1);
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
        int wi = w[rows[i]];
        if (wi != 0) ranks[code[i]] += (double) wi * (m - 1);
      }
    }
    if (pairs < 2) return Double.NaN;
    MetricGroup.toCenteredRanks(ranks, k, (pairs + 1) / 2.0);
    double cov = 0, var = 0;
    for (int c = 0; c < cells; c++) {
      long m = 0;
      double s = 0, s2 = 0;
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
        int wi = w[rows[i]];
        if (wi == 0) continue;
        m += wi;
        double d = ranks[code[i]];
        s += wi * d;
        s2 += wi * d * d;
      }
      if (m < 2) continue;
      cov += s * s - s2;
      var += (m - 1) * s2;
    }
    if (var <= 0) return Double.NaN;
    return Math.max(-1.0, Math.min(1.0, cov / var));
  }

  /**
   * {@link ConsistencyPairs#DISTINCT_ROWS}: pairs of resampled positions that come from the
   * same original row are left out, so copies made by resampling do not pair with each
   * other. With all multiplicities 1 it equals {@link #spearmanDistinctPositions}.
   */
  double spearmanDistinctRows(int[] w, double[] ranks) {
    Arrays.fill(ranks, 0, k, 0.0);
    long pairs = 0;
    int cells = cellStart.length - 1;
    for (int c = 0; c < cells; c++) {
      long m = 0, m2 = 0;
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) { long wi = w[rows[i]]; m += wi; m2 += wi * wi; }
      pairs += m * m - m2;
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
        int wi = w[rows[i]];
        if (wi != 0) ranks[code[i]] += (double) wi * (m - wi);
      }
    }
    if (pairs < 2) return Double.NaN;
    MetricGroup.toCenteredRanks(ranks, k, (pairs + 1) / 2.0);
    double cov = 0, var = 0;
    for (int c = 0; c < cells; c++) {
      long m = 0;
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) m += w[rows[i]];
      double s = 0, s2w2 = 0;
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
        int wi = w[rows[i]];
        if (wi == 0) continue;
        double d = ranks[code[i]];
        s += wi * d;
        s2w2 += (double) wi * wi * d * d;
        var += (double) wi * (m - wi) * d * d;
      }
      cov += s * s - s2w2;
    }
    if (var <= 0) return Double.NaN;
    return Math.max(-1.0, Math.min(1.0, cov / var));
  }
}
