package org.mcalign.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Reliability of several raters (or items) scoring the same subjects on a numeric scale, on a
 * subjects × raters matrix without missing values:
 *
 * <ul>
 *   <li>{@link #omegaTotal}: McDonald's ω total of a one-factor model of the raters'
 *       correlation matrix, (Σλ)² / ((Σλ)² + Σ(1 − λ²)), the loadings λ from iterated
 *       principal-axis factoring started at the squared multiple correlations (statsmodels'
 *       {@code Factor(method="pa", smc=True)}, run to convergence: the least-squares solution);
 *   <li>{@link #iccAgreement}: the intraclass correlation ICC(2,1) of Shrout &amp; Fleiss
 *       (1979), McGraw &amp; Wong's ICC(A,1): two-way random effects, absolute agreement of a
 *       single rater;
 *   <li>{@link #iccConsistency}: ICC(3,1), McGraw &amp; Wong's ICC(C,1): two-way, consistency
 *       (a constant shift between raters is not disagreement).
 * </ul>
 */
public final class ScaleReliability {
  private ScaleReliability() {}

  static final int MAX_ITERATIONS = 10_000;
  static final double TOLERANCE = 1e-12;

  /** Loadings of the one-factor model (sign chosen so their sum is positive). */
  public static double[] oneFactorLoadings(double[][] data) {
    int k = columns(data, 2);
    double[][] r = correlations(data, k);
    RealMatrix rm = new Array2DRowRealMatrix(r);
    RealMatrix inv = new LUDecomposition(rm).getSolver().getInverse();
    double[] h = new double[k];
    for (int j = 0; j < k; j++) h[j] = 1 - 1 / inv.getEntry(j, j);
    double[] lambda = new double[k];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      RealMatrix reduced = rm.copy();
      for (int j = 0; j < k; j++) reduced.setEntry(j, j, h[j]);
      EigenDecomposition eig = new EigenDecomposition(reduced);
      double[] values = eig.getRealEigenvalues();
      int top = 0;
      for (int j = 1; j < k; j++) if (values[j] > values[top]) top = j;
      double scale = Math.sqrt(Math.max(values[top], 0));
      double[] v = eig.getEigenvector(top).toArray();
      double change = 0;
      for (int j = 0; j < k; j++) {
        lambda[j] = v[j] * scale;
        change = Math.max(change, Math.abs(lambda[j] * lambda[j] - h[j]));
        h[j] = lambda[j] * lambda[j];
      }
      if (change < TOLERANCE) break;
    }
    double sum = 0;
    for (double l : lambda) sum += l;
    if (sum < 0) for (int j = 0; j < k; j++) lambda[j] = -lambda[j];
    return lambda;
  }

  /** McDonald's ω total of the one-factor model; NaN when a rater's scores do not vary. */
  public static double omegaTotal(double[][] data) {
    double[] lambda;
    try {
      lambda = oneFactorLoadings(data);
    } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
      return Double.NaN;
    }
    double s = 0, u = 0;
    for (double l : lambda) {
      if (Double.isNaN(l)) return Double.NaN;
      s += l;
      u += 1 - l * l;
    }
    return s * s / (s * s + u);
  }

  /** ICC(2,1) = (MSR − MSE) / (MSR + (k − 1)·MSE + k·(MSC − MSE)/n). */
  public static double iccAgreement(double[][] data) {
    double[] ms = meanSquares(data);
    int n = data.length, k = data[0].length;
    return (ms[0] - ms[2]) / (ms[0] + (k - 1) * ms[2] + k * (ms[1] - ms[2]) / n);
  }

  /** ICC(3,1) = (MSR − MSE) / (MSR + (k − 1)·MSE). */
  public static double iccConsistency(double[][] data) {
    double[] ms = meanSquares(data);
    int k = data[0].length;
    return (ms[0] - ms[2]) / (ms[0] + (k - 1) * ms[2]);
  }

  /** Two-way ANOVA mean squares: rows (subjects), columns (raters), residual. */
  private static double[] meanSquares(double[][] data) {
    int k = columns(data, 2);
    int n = data.length;
    if (n < 2) throw new IllegalArgumentException("need at least 2 subjects, got " + n);
    double grand = 0;
    double[] row = new double[n], col = new double[k];
    for (int i = 0; i < n; i++)
      for (int j = 0; j < k; j++) {
        row[i] += data[i][j] / k;
        col[j] += data[i][j] / n;
        grand += data[i][j] / (n * (double) k);
      }
    double ssr = 0, ssc = 0, sst = 0;
    for (int i = 0; i < n; i++) ssr += k * (row[i] - grand) * (row[i] - grand);
    for (int j = 0; j < k; j++) ssc += n * (col[j] - grand) * (col[j] - grand);
    for (double[] r : data) for (double v : r) sst += (v - grand) * (v - grand);
    double sse = sst - ssr - ssc;
    return new double[] {ssr / (n - 1), ssc / (k - 1), sse / ((n - 1.0) * (k - 1))};
  }

  private static int columns(double[][] data, int min) {
    if (data.length == 0) throw new IllegalArgumentException("no subjects");
    int k = data[0].length;
    if (k < min) throw new IllegalArgumentException("need at least " + min + " raters, got " + k);
    for (int i = 0; i < data.length; i++) {
      if (data[i].length != k) throw new IllegalArgumentException("subject " + i + " has " + data[i].length + " scores, expected " + k);
      for (double v : data[i]) if (!Double.isFinite(v)) throw new IllegalArgumentException("subject " + i + " has a missing or infinite score");
    }
    return k;
  }

  private static double[][] correlations(double[][] data, int k) {
    int n = data.length;
    double[][] x = new double[k][n];
    for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) x[j][i] = data[i][j];
    double[][] r = new double[k][k];
    for (int a = 0; a < k; a++)
      for (int b = a; b < k; b++) r[a][b] = r[b][a] = a == b ? 1 : Correlation.pearson(x[a], x[b]);
    return r;
  }
}
