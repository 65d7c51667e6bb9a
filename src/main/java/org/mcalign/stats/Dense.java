package org.mcalign.stats;

/** Small dense symmetric-matrix helpers (p×p, p up to a few hundred). */
final class Dense {
  private Dense() {}

  /** Lower Cholesky factor of a symmetric positive definite matrix, or null if it is not. */
  static double[][] cholesky(double[][] a) {
    int p = a.length;
    double[][] l = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
        if (i == j) {
          if (!(s > 0)) return null;
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  static double logDet(double[][] chol) {
    double s = 0;
    for (int i = 0; i < chol.length; i++) s += Math.log(chol[i][i]);
    return 2 * s;
  }

  /** Solves (L L') x = b. */
  static double[] solve(double[][] l, double[] b) {
    return backward(l, forward(l, b));
  }

  /** Solves L z = b for lower-triangular L (a zero pivot gives an infinite or NaN entry, never an exception). */
  static double[] forward(double[][] l, double[] b) {
    int p = l.length;
    double[] z = new double[p];
    for (int i = 0; i < p; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) s -= l[i][k] * z[k];
      z[i] = s / l[i][i];
    }
    return z;
  }

  /** Solves L' x = z for lower-triangular L. */
  static double[] backward(double[][] l, double[] z) {
    int p = l.length;
    double[] x = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      double s = z[i];
      for (int k = i + 1; k < p; k++) s -= l[k][i] * x[k];
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** (L L')⁻¹ as a full matrix. */
  static double[][] inverse(double[][] l) {
    int p = l.length;
    double[][] inv = new double[p][];
    for (int j = 0; j < p; j++) {
      double[] e = new double[p];
      e[j] = 1;
      inv[j] = solve(l, e); // column j (symmetric, so also row j)
    }
    return inv;
  }
}
