package org.mcalign.stats;

import java.util.function.Supplier;

/**
 * Least squares as statsmodels' OLS defines it (the pseudo-inverse: rank-deficient designs get
 * the minimum-norm solution and {@code normalized_cov_params} = (X'X)⁺), with one rank rule
 * throughout: numpy's {@code matrix_rank} tolerance smax·max(n, k)·eps. A singular value at or
 * below it counts as zero for the rank and is never inverted, neither for the coefficients nor
 * for their covariance. (statsmodels itself inverts down to 1e-15·smax; where a null direction
 * comes out of its SVD above that, its numbers are noise, about 1e13; here they cannot be.)
 *
 * <p>{@link QrSvdSolver} is the solver: Householder QR of X in row blocks, then the SVD of R.
 * {@link GramSolver} is a fast path for large sparse designs (indicator columns) that is taken
 * only when it proves, from X itself, that it has numpy's rank and an accurate answer;
 * otherwise the QR solver runs. Neither throws on a numerical difficulty.
 */
final class LeastSquares {
  /** Which solver produced the answer. */
  enum Path {
    QR_SVD,
    GRAM
  }

  final int n, k;
  final double[] beta;
  /** The diagonal of (X'X)⁺: all that standard errors need. */
  final double[] covDiagonal;
  private final Supplier<double[][]> normalizedCovSource;
  private double[][] normalizedCov;
  final int rank;
  /** numpy's matrix_rank([1, X]) == matrix_rank(X): a constant lies in the column space. */
  final boolean spansConstant;
  final Path path;
  private final Supplier<double[]> singularValues;
  private double[] sv;

  LeastSquares(int n, int k, double[] beta, double[] covDiagonal, Supplier<double[][]> normalizedCov, int rank,
      boolean spansConstant, Path path, Supplier<double[]> singularValues) {
    this.n = n;
    this.k = k;
    this.beta = beta;
    this.covDiagonal = covDiagonal;
    this.normalizedCovSource = normalizedCov;
    this.rank = rank;
    this.spansConstant = spansConstant;
    this.path = path;
    this.singularValues = singularValues;
  }

  /**
   * Solves y ≈ Xβ: the fast path when it certifies itself, else the QR + SVD solver.
   *
   * @param x column-major design (k columns of length n), finite; not modified
   * @param needConstantCheck whether {@link #spansConstant} is needed (no explicit constant column)
   */
  static LeastSquares solve(double[][] x, double[] y, boolean needConstantCheck) {
    LeastSquares fast = GramSolver.trySolve(x, y, needConstantCheck);
    return fast != null ? fast : QrSvdSolver.solve(x, y, needConstantCheck);
  }

  /** numpy's default rank tolerance for an n×k matrix with largest singular value smax. */
  static double tolerance(double smax, int n, int k) {
    return smax * Math.max(n, k) * Math.ulp(1.0);
  }

  /**
   * (X'X)⁺, statsmodels' normalized_cov_params, computed on first use when the fast path ran: for
   * a rank-deficient design the k×k pseudo-inverse costs more than the rest of the fit, and
   * {@code fit} (params, bse, p-values, intervals) needs only its diagonal.
   */
  synchronized double[][] normalizedCov() {
    if (normalizedCov == null) normalizedCov = normalizedCovSource.get();
    return normalizedCov;
  }

  /** Singular values of X, largest first (computed on first use when the fast path ran). */
  synchronized double[] singularValues() {
    if (sv == null) sv = singularValues.get();
    return sv;
  }

  /** X·beta for column-major X. */
  static double[] multiply(double[][] x, double[] beta, int n) {
    double[] out = new double[n];
    for (int j = 0; j < x.length; j++) if (beta[j] != 0) axpy(beta[j], x[j], out);
    return out;
  }

  /** out += b·col. */
  static void axpy(double b, double[] col, double[] out) {
    for (int i = 0; i < out.length; i++) out[i] += col[i] * b;
  }
}
