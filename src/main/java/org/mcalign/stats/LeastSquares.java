package org.mcalign.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Least squares as statsmodels' OLS does it (Moore–Penrose pseudo-inverse, so rank-deficient
 * designs get the minimum-norm solution), computed stably: Householder QR of X (never forming
 * X'X), then the SVD of the small k×k factor R (X = Q·R, R = U·S·V', so pinv(X) = V·S⁺·U'·Q').
 * The same factorisation gives numpy's matrix rank and whether X spans an implicit constant.
 *
 * <p>Fast path ({@link #solve}): designs of indicator columns are sparse, so X'X costs
 * O(n·nnz²) instead of the QR's O(n·k²). It is used only when it cannot change the answer:
 * X'X clearly positive definite with cond(X) ≤ 1e4 (so cond(X'X) ≤ 1e8 and the inverse is good
 * to ~1e-8 relative), β refined once on the residuals, and the implicit-constant test clear-cut
 * (residual of the constant on X either ≤ 1e-12·n or ≥ 1e-6·n). Otherwise the QR path runs.
 */
final class LeastSquares {
  final int n, k;
  final double[] beta;
  /** pinv(X)·pinv(X)' = (X'X)⁺, statsmodels' normalized_cov_params. */
  final double[][] normalizedCov;
  final int rank;
  /** numpy's matrix_rank([1, X]) == matrix_rank(X): a constant lies in the column space. */
  final boolean spansConstant;
  final double[] singularValues;
  /** Which path computed the solution (for tests and benchmarks). */
  final boolean viaNormalEquations;

  private LeastSquares(int n, int k, double[] beta, double[][] cov, int rank, boolean spansConstant, double[] sv) {
    this.n = n;
    this.k = k;
    this.beta = beta;
    this.normalizedCov = cov;
    this.rank = rank;
    this.spansConstant = spansConstant;
    this.singularValues = sv;
    this.viaNormalEquations = true;
  }

  /** The fast path when it is safe, else the QR path. */
  static LeastSquares solve(double[][] x, double[] y) {
    LeastSquares fast = normalEquations(x, y);
    return fast != null ? fast : new LeastSquares(x, y);
  }

  private static LeastSquares normalEquations(double[][] x, double[] y) {
    int k = x.length, n = y.length;
    if (k == 0 || n <= k) return null;
    // rows as sparse (column, value) lists
    int[] nnzRow = new int[n];
    for (double[] c : x) for (int i = 0; i < n; i++) if (c[i] != 0) nnzRow[i]++;
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) start[i + 1] = start[i] + nnzRow[i];
    int[] cols = new int[start[n]];
    double[] vals = new double[start[n]];
    int[] fill = java.util.Arrays.copyOf(start, n);
    for (int j = 0; j < k; j++) {
      double[] c = x[j];
      for (int i = 0; i < n; i++)
        if (c[i] != 0) {
          cols[fill[i]] = j;
          vals[fill[i]++] = c[i];
        }
    }
    double[][] g = new double[k][k];
    double[] xty = new double[k], xt1 = new double[k];
    for (int i = 0; i < n; i++) {
      for (int a = start[i]; a < start[i + 1]; a++) {
        int ca = cols[a];
        double va = vals[a];
        xty[ca] += va * y[i];
        xt1[ca] += va;
        double[] ga = g[ca];
        for (int b = start[i]; b <= a; b++) ga[cols[b]] += va * vals[b];
      }
    }
    for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) g[b][a] = g[a][b];
    double[] eig = new org.apache.commons.math3.linear.EigenDecomposition(new Array2DRowRealMatrix(g, true)).getRealEigenvalues();
    double lmax = Double.NEGATIVE_INFINITY, lmin = Double.POSITIVE_INFINITY;
    for (double l : eig) {
      lmax = Math.max(lmax, l);
      lmin = Math.min(lmin, l);
    }
    if (!(lmin > 0) || lmax / lmin > 1e8) return null;
    double[][] l = Dense.cholesky(g);
    if (l == null) return null;
    double[] beta = Dense.solve(l, xty);
    // one step of iterative refinement on the true residuals
    double[] r = y.clone();
    for (int i = 0; i < n; i++) for (int a = start[i]; a < start[i + 1]; a++) r[i] -= vals[a] * beta[cols[a]];
    double[] xtr = new double[k];
    for (int i = 0; i < n; i++) for (int a = start[i]; a < start[i + 1]; a++) xtr[cols[a]] += vals[a] * r[i];
    double[] delta = Dense.solve(l, xtr);
    for (int j = 0; j < k; j++) beta[j] += delta[j];
    // implicit constant: residual sum of squares of regressing 1 on X
    double rss1 = n;
    double[] c = Dense.solve(l, xt1);
    for (int j = 0; j < k; j++) rss1 -= xt1[j] * c[j];
    boolean spans;
    if (rss1 <= 1e-12 * n) spans = true;
    else if (rss1 >= 1e-6 * n) spans = false;
    else return null;
    double[] sv = new double[k];
    double[] sorted = eig.clone();
    java.util.Arrays.sort(sorted);
    for (int j = 0; j < k; j++) sv[j] = Math.sqrt(sorted[k - 1 - j]);
    return new LeastSquares(n, k, beta, Dense.inverse(l), k, spans, sv);
  }

  /** The QR + SVD path. @param x column-major design (k columns of length n); not modified */
  LeastSquares(double[][] x, double[] y) {
    viaNormalEquations = false;
    k = x.length;
    n = y.length;
    if (n == 0) throw new IllegalArgumentException("least squares needs at least one row");
    // Householder QR of [X | 1]: the first k reflectors factor X alone, the last adds the constant.
    int kk = k + 1;
    double[][] a = new double[kk][];
    for (int j = 0; j < k; j++) a[j] = x[j].clone();
    a[k] = new double[n];
    java.util.Arrays.fill(a[k], 1.0);
    double[] qty = y.clone();
    int steps = Math.min(kk, n);
    for (int j = 0; j < steps; j++) {
      double[] col = a[j];
      double norm = 0;
      for (int i = j; i < n; i++) norm = Math.hypot(norm, col[i]);
      if (norm == 0) continue;
      double alpha = col[j] > 0 ? -norm : norm;
      // v = col[j..] - alpha e_j, stored in place; R[j][j] = alpha
      col[j] -= alpha;
      double vnorm2 = 0;
      for (int i = j; i < n; i++) vnorm2 += col[i] * col[i];
      if (vnorm2 == 0) {
        col[j] = alpha;
        continue;
      }
      for (int c = j + 1; c < kk; c++) reflect(col, a[c], j, n, vnorm2);
      if (j < k) reflect(col, qty, j, n, vnorm2);
      // store R[j][j] and clear the reflector (R is read from the upper triangle only)
      for (int i = j + 1; i < n; i++) col[i] = 0;
      col[j] = alpha;
    }
    double[][] rX = new double[k][k];
    for (int j = 0; j < k; j++) for (int i = 0; i <= Math.min(j, n - 1); i++) rX[i][j] = a[j][i];
    int m = Math.min(kk, n);
    double[][] rAug = new double[m][kk];
    for (int j = 0; j < kk; j++) for (int i = 0; i <= Math.min(j, m - 1); i++) rAug[i][j] = a[j][i];

    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(rX, false));
    double[] s = svd.getSingularValues();
    singularValues = s;
    double smax = s.length == 0 ? 0 : s[0];
    rank = countAbove(s, smax * Math.max(n, k) * Math.ulp(1.0));
    double[] sAug = new SingularValueDecomposition(new Array2DRowRealMatrix(rAug, false)).getSingularValues();
    int rankAug = countAbove(sAug, (sAug.length == 0 ? 0 : sAug[0]) * Math.max(n, kk) * Math.ulp(1.0));
    spansConstant = rankAug == rank;

    // pinv cutoff as numpy.linalg.pinv(rcond=1e-15)
    double cutoff = 1e-15 * smax;
    RealMatrix u = svd.getU(), v = svd.getV();
    double[] c = new double[k]; // S⁺ U' (Q'y)[0:k]
    for (int j = 0; j < k; j++) {
      if (s[j] <= cutoff) continue;
      double dot = 0;
      // rows n.. of R are zero when there are fewer rows than columns: Q'y has nothing there
      for (int i = 0; i < Math.min(k, n); i++) dot += u.getEntry(i, j) * qty[i];
      c[j] = dot / s[j];
    }
    beta = new double[k];
    for (int i = 0; i < k; i++) {
      double b = 0;
      for (int j = 0; j < k; j++) b += v.getEntry(i, j) * c[j];
      beta[i] = b;
    }
    normalizedCov = new double[k][k];
    double[] inv2 = new double[k];
    for (int j = 0; j < k; j++) inv2[j] = s[j] > cutoff ? 1.0 / (s[j] * s[j]) : 0;
    for (int p = 0; p < k; p++)
      for (int q = p; q < k; q++) {
        double sum = 0;
        for (int j = 0; j < k; j++) sum += v.getEntry(p, j) * v.getEntry(q, j) * inv2[j];
        normalizedCov[p][q] = normalizedCov[q][p] = sum;
      }
  }

  /** Applies I − 2vv'/(v'v) (v stored in rows j..n-1 of {@code v}) to {@code target}. */
  private static void reflect(double[] v, double[] target, int j, int n, double vnorm2) {
    double dot = 0;
    for (int i = j; i < n; i++) dot += v[i] * target[i];
    double f = 2 * dot / vnorm2;
    for (int i = j; i < n; i++) target[i] -= f * v[i];
  }

  private static int countAbove(double[] s, double tol) {
    int r = 0;
    for (double d : s) if (d > tol) r++;
    return r;
  }

  /** X·beta for column-major X. */
  static double[] multiply(double[][] x, double[] beta, int n) {
    double[] out = new double[n];
    for (int j = 0; j < x.length; j++) {
      double b = beta[j];
      if (b == 0) continue;
      double[] col = x[j];
      for (int i = 0; i < n; i++) out[i] += col[i] * b;
    }
    return out;
  }
}
