package org.mcalign.analysis;

import java.util.Arrays;

/**
 * Self-consistency of one (language, model) group: the Spearman correlation over all
 * ordered pairs of distinct rows that share a question (a "cell"),
 * i.e. the self-join of {@code calculate_consistency} without building the pairs. With
 * multiplicities {@code w}, a row of a cell with {@code m} sampled rows appears as the left
 * (and the right) side of {@code w·(m−e)} pairs ({@code e}: see {@link #spearman}), so the
 * ranks of both sides come from weighted counts per distinct value, and the cross-product
 * sums per cell are {@code (Σ w·d)² − Σ w·e·d²}: O(rows) per round instead of O(pairs).
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

  /**
   * Spearman over the chosen pairs (NaN when there are none), not yet divided by reliability.
   * A row sampled {@code w} times in a cell of {@code m} sampled rows pairs with {@code m - e}
   * positions per copy, where {@code e} is the positions it may not pair with: its own
   * ({@code e = 1}, {@link ConsistencyPairs#DISTINCT_POSITIONS}) or all copies of its row
   * ({@code e = w}, {@link ConsistencyPairs#DISTINCT_ROWS}). With all multiplicities 1 the two
   * agree.
   */
  double spearman(int[] w, double[] ranks, ConsistencyPairs pairing) {
    long unpaired = pairing.copiesUnpaired;
    Arrays.fill(ranks, 0, k, 0.0);
    int cells = cellStart.length - 1;
    long[] m = new long[cells];
    long pairs = 0;
    // rows not drawn (w = 0) are not skipped: their terms are ±0.0, which leave every sum as it
    // is (no sum here is ever -0.0), and a third of the rows of a resample are not drawn: a
    // branch on it is mispredicted often, and C2 compiled the kernel again once it first saw one
    for (int c = 0; c < cells; c++) {
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) m[c] += w[rows[i]];
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
        long wi = w[rows[i]];
        long partners = m[c] - (1 + (wi - 1) * unpaired);
        pairs += wi * partners;
        ranks[code[i]] += (double) wi * partners;
      }
    }
    if (pairs < 2) return Double.NaN;
    MetricGroup.toCenteredRanks(ranks, k, (pairs + 1) / 2.0);
    // per cell: Σ over ordered pairs of d_left·d_right = (Σ w·d)² − Σ w·e·d²
    double cov = 0, var = 0;
    for (int c = 0; c < cells; c++) {
      double s = 0, excluded = 0;
      for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
        long wi = w[rows[i]];
        long e = 1 + (wi - 1) * unpaired;
        double d = ranks[code[i]];
        s += wi * d;
        excluded += (double) wi * e * d * d;
        var += (double) wi * (m[c] - e) * d * d;
      }
      cov += s * s - excluded;
    }
    if (var <= 0) return Double.NaN;
    return Math.max(-1.0, Math.min(1.0, cov / var));
  }
}
