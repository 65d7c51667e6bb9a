package org.mcalign.stats;

/**
 * The reference least-squares solver: Householder QR of [X | 1 | y] (in row blocks, see
 * {@link Householder}), then the SVD of X's k×k factor R (R = U·S·Vᵀ, so X = Q·U·S·Vᵀ is an SVD
 * of X with X's singular values). With numpy's tolerance t = smax·max(n, k)·eps and r the
 * number of singular values above t: β = V_r S_r⁻¹ U_rᵀ (Qᵀy), (X'X)⁺ = V_r S_r⁻² V_rᵀ, rank r.
 * The factor of [X | 1] gives numpy's rank of X with a constant column, for statsmodels'
 * implicit-constant test.
 */
final class QrSvdSolver {
  private QrSvdSolver() {}

  static LeastSquares solve(double[][] x, double[] y, boolean needConstantCheck) {
    int k = x.length, n = y.length;
    if (n == 0) throw new IllegalArgumentException("least squares needs at least one row");
    double[][] cols = new double[k + 2][];
    System.arraycopy(x, 0, cols, 0, k);
    cols[k] = new double[n];
    java.util.Arrays.fill(cols[k], 1.0);
    cols[k + 1] = y;
    double[][] r = Householder.r(cols, n);
    double[][] rx = new double[k][k];
    for (int i = 0; i < k; i++) System.arraycopy(r[i], i, rx[i], i, k - i);
    double[] qty = new double[k];
    for (int i = 0; i < k; i++) qty[i] = r[i][k + 1];

    Svd svd = Svd.of(rx, true);
    double[] s = svd.s;
    double smax = s.length == 0 ? 0 : s[0];
    double tol = LeastSquares.tolerance(smax, n, k);
    int rank = 0;
    for (double d : s) if (d > tol) rank++;

    double[] c = new double[rank]; // S⁻¹ Uᵀ Qᵀy on the kept directions
    for (int j = 0; j < rank; j++) {
      double dot = 0;
      for (int i = 0; i < k; i++) dot += svd.u[i][j] * qty[i];
      c[j] = dot / s[j];
    }
    double[] beta = new double[k];
    for (int i = 0; i < k; i++) {
      double b = 0;
      for (int j = 0; j < rank; j++) b += svd.v[i][j] * c[j];
      beta[i] = b;
    }
    double[][] cov = new double[k][k];
    double[][] scaledV = new double[k][rank];
    for (int i = 0; i < k; i++) for (int j = 0; j < rank; j++) scaledV[i][j] = svd.v[i][j] / s[j];
    for (int p = 0; p < k; p++)
      for (int q = p; q < k; q++) {
        double sum = Householder.dot(scaledV[p], scaledV[q], 0, rank);
        cov[p][q] = cov[q][p] = sum;
      }

    boolean spans = false;
    if (needConstantCheck) {
      double[][] raug = new double[k + 1][k + 1];
      for (int i = 0; i <= k; i++) System.arraycopy(r[i], i, raug[i], i, k + 1 - i);
      double[] sAug = Svd.of(raug, false).s;
      double tolAug = LeastSquares.tolerance(sAug.length == 0 ? 0 : sAug[0], n, k + 1);
      int rankAug = 0;
      for (double d : sAug) if (d > tolAug) rankAug++;
      spans = rankAug == rank;
    }
    double[] singular = s.clone();
    double[] diagonal = new double[k];
    for (int p = 0; p < k; p++) diagonal[p] = cov[p][p];
    return new LeastSquares(n, k, beta, diagonal, () -> cov, rank, spans, LeastSquares.Path.QR_SVD, () -> singular);
  }

  /** Singular values of X alone (descending), by the same QR-then-SVD route. */
  static double[] singularValues(double[][] x, int n) {
    int k = x.length;
    double[][] r = Householder.r(x, n);
    return Svd.of(r, false).s;
  }
}
