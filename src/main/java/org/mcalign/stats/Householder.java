package org.mcalign.stats;

import java.util.stream.IntStream;

/**
 * The R factor of a tall matrix by Householder QR, computed in fixed blocks of rows (TSQR: each
 * block is factored on its own, in parallel, then the stacked R factors are factored again).
 * Backward stable like one Householder QR; the blocks depend only on the matrix's shape, so the
 * result is the same for any number of threads. Extra columns (a response, a column of ones)
 * come out as Qᵀ times them in the same R.
 */
final class Householder {
  private Householder() {}

  /** Rows per block: large enough to keep the stacking cheap, small enough to stay in cache-friendly sizes. */
  static int blockRows(int p) {
    return Math.max(8192, 8 * p);
  }

  /**
   * R (p×p, upper triangular, row-major) of the n×p matrix given as p columns of length n (not
   * modified). Rows of R beyond n are zero.
   */
  static double[][] r(double[][] columns, int n) {
    int p = columns.length;
    int block = blockRows(p);
    if (n <= block) {
      double[][] a = new double[p][];
      for (int j = 0; j < p; j++) a[j] = columns[j].clone();
      return factor(a, n);
    }
    int blocks = (n + block - 1) / block;
    double[][][] rs = new double[blocks][][];
    IntStream.range(0, blocks).parallel().forEach(b -> {
      int from = (int) ((long) n * b / blocks), to = (int) ((long) n * (b + 1) / blocks);
      double[][] a = new double[p][];
      for (int j = 0; j < p; j++) a[j] = java.util.Arrays.copyOfRange(columns[j], from, to);
      rs[b] = factor(a, to - from);
    });
    // stack the block factors (each p×p) and factor again
    int m = blocks * p;
    double[][] stacked = new double[p][m];
    for (int b = 0; b < blocks; b++)
      for (int i = 0; i < p; i++)
        for (int j = i; j < p; j++) stacked[j][b * p + i] = rs[b][i][j];
    return r(stacked, m);
  }

  /** Householder QR in place of the m×p column-major matrix {@code a}; returns R (p×p, row-major). */
  static double[][] factor(double[][] a, int m) {
    int p = a.length;
    int steps = Math.min(p, m);
    for (int j = 0; j < steps; j++) {
      double[] col = a[j];
      double norm = norm(col, j, m);
      if (norm == 0) continue;
      double alpha = col[j] > 0 ? -norm : norm;
      // v = col[j..m) - alpha·e_j in place; H = I - 2vv'/(v'v); v'v = 2·norm·(norm + |col[j]|)
      double vnorm2 = 2 * norm * (norm + Math.abs(col[j]));
      col[j] -= alpha;
      if (vnorm2 == 0 || !Double.isFinite(vnorm2)) {
        vnorm2 = 0;
        for (int i = j; i < m; i++) vnorm2 += col[i] * col[i];
        if (vnorm2 == 0) {
          col[j] = alpha;
          continue;
        }
      }
      for (int c = j + 1; c < p; c++) reflect(col, a[c], j, m, vnorm2);
      col[j] = alpha;
    }
    double[][] r = new double[p][p];
    for (int j = 0; j < p; j++) for (int i = 0; i <= Math.min(j, m - 1); i++) r[i][j] = a[j][i];
    return r;
  }

  /** Euclidean norm of v[from..to), scaled when the plain sum of squares would overflow or underflow. */
  static double norm(double[] v, int from, int to) {
    double s = dot(v, v, from, to);
    if (s > 1e-280 && s < 1e280) return Math.sqrt(s);
    double max = 0;
    for (int k = from; k < to; k++) max = Math.max(max, Math.abs(v[k]));
    if (max == 0 || !Double.isFinite(max)) return max;
    double t = 0;
    for (int k = from; k < to; k++) {
      double x = v[k] / max;
      t += x * x;
    }
    return max * Math.sqrt(t);
  }

  /** Applies I − 2vv'/(v'v) (v in rows j..m of {@code v}) to {@code target}. */
  private static void reflect(double[] v, double[] target, int j, int m, double vnorm2) {
    double f = 2 * dot(v, target, j, m) / vnorm2;
    if (f == 0) return;
    for (int i = j; i < m; i++) target[i] -= f * v[i];
  }

  /** Σ a[i]·b[i] over [from, to), four partial sums. */
  static double dot(double[] a, double[] b, int from, int to) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < to; i++) s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
  }
}
