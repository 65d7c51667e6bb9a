package org.mcalign.stats;

/**
 * All-zero columns of a design (the empty cells of an interaction, the usual way a design of
 * indicators is rank-deficient) set aside before the fast path solves: such a column adds a zero
 * row and column to X'X, a zero row and column to (X'X)⁺, a zero coefficient to the
 * minimum-norm solution and a zero singular value, and changes nothing else; numpy's tolerance
 * does not depend on the column count on the fast path (n > k there, so max(n, k) = n). The
 * rest of the design is then often of full rank, which spares the pseudo-inverse its null space.
 */
final class ZeroColumns {
  private ZeroColumns() {}

  /** The indices of the columns with a non-zero value, ascending. */
  static int[] nonZero(double[][] x) {
    int[] kept = new int[x.length];
    int count = 0;
    for (int j = 0; j < x.length; j++) if (hasNonZero(x[j])) kept[count++] = j;
    return java.util.Arrays.copyOf(kept, count);
  }

  private static boolean hasNonZero(double[] column) {
    for (double v : column) if (v != 0) return true;
    return false;
  }

  static double[][] select(double[][] x, int[] kept) {
    double[][] out = new double[kept.length][];
    for (int j = 0; j < kept.length; j++) out[j] = x[kept[j]];
    return out;
  }

  /** The solution of the whole design from that of its non-zero columns {@code kept} (k columns in all). */
  static LeastSquares restore(LeastSquares reduced, int[] kept, int k) {
    double[] beta = spread(reduced.beta, kept, k), diagonal = spread(reduced.covDiagonal, kept, k);
    return new LeastSquares(reduced.n, k, beta, diagonal, () -> spread(reduced.normalizedCov(), kept, k), reduced.rank,
        reduced.spansConstant, reduced.path, () -> java.util.Arrays.copyOf(reduced.singularValues(), k));
  }

  private static double[] spread(double[] values, int[] kept, int k) {
    double[] out = new double[k];
    for (int j = 0; j < kept.length; j++) out[kept[j]] = values[j];
    return out;
  }

  private static double[][] spread(double[][] matrix, int[] kept, int k) {
    double[][] out = new double[k][k];
    for (int i = 0; i < kept.length; i++) for (int j = 0; j < kept.length; j++) out[kept[i]][kept[j]] = matrix[i][j];
    return out;
  }
}
