package org.mcalign.stats;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The SVD of a small dense matrix, A = U·diag(s)·Vᵀ with s descending. EJML's implicit-QR SVD
 * (fast; it reports rather than throws when it does not converge), falling back to Commons
 * Math's (slower, no iteration cap). If both fail, an {@link ArithmeticException} says so in
 * statsmodels' words.
 */
final class Svd {
  final double[] s;
  /** Row-major U (m×m) and V (n×n); null when only values were asked for. */
  final double[][] u, v;

  private Svd(double[] s, double[][] u, double[][] v) {
    this.s = s;
    this.u = u;
    this.v = v;
  }

  /** Singular values and vectors of the square or rectangular row-major matrix {@code a}. */
  static Svd of(double[][] a, boolean vectors) {
    int m = a.length, n = m == 0 ? 0 : a[0].length;
    if (m == 0 || n == 0) return new Svd(new double[0], new double[m][m], new double[n][n]);
    try {
      DMatrixRMaj mat = new DMatrixRMaj(a);
      SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, vectors, vectors, false);
      if (svd.decompose(mat)) {
        if (!vectors) {
          double[] s = svd.getSingularValues().clone();
          s = java.util.Arrays.copyOf(s, svd.numberOfSingularValues());
          java.util.Arrays.sort(s);
          for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
          }
          if (isFinite(s)) return new Svd(s, null, null);
        } else {
          DMatrixRMaj u = svd.getU(null, false), w = svd.getW(null), v = svd.getV(null, false);
          SingularOps_DDRM.descendingOrder(u, false, w, v, false);
          double[] s = new double[Math.min(m, n)];
          for (int i = 0; i < s.length; i++) s[i] = w.get(i, i);
          if (isFinite(s)) return new Svd(s, rows(u), rows(v));
        }
      }
    } catch (RuntimeException ejmlFailed) {
      // fall through to Commons Math
    }
    try {
      org.apache.commons.math3.linear.SingularValueDecomposition svd =
          new org.apache.commons.math3.linear.SingularValueDecomposition(
              new org.apache.commons.math3.linear.Array2DRowRealMatrix(a, true));
      double[] s = svd.getSingularValues();
      if (!vectors) return new Svd(s, null, null);
      // Commons Math's U is m×p and V n×p (p = min(m, n)); pad to square with zeros (unused directions)
      return new Svd(s, pad(svd.getU().getData(), m), pad(svd.getV().getData(), n));
    } catch (RuntimeException e) {
      throw new ArithmeticException("SVD did not converge (" + m + "×" + n + " matrix)");
    }
  }

  private static boolean isFinite(double[] s) {
    for (double d : s) if (!Double.isFinite(d)) return false;
    return true;
  }

  private static double[][] rows(DMatrixRMaj m) {
    double[][] out = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) for (int j = 0; j < m.numCols; j++) out[i][j] = m.get(i, j);
    return out;
  }

  private static double[][] pad(double[][] a, int cols) {
    double[][] out = new double[a.length][cols];
    for (int i = 0; i < a.length; i++) System.arraycopy(a[i], 0, out[i], 0, Math.min(cols, a[i].length));
    return out;
  }
}
