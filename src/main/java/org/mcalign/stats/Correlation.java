package org.mcalign.stats;

/**
 * Correlation measures on primitive arrays.
 *
 * <p>NaN rules for the correlations: the result is {@code NaN} when the arrays hold
 * fewer than 2 pairs, when either side is constant (zero variance), or when any value is
 * NaN (scipy's default {@code nan_policy='propagate'}). Arrays of different length are an
 * error.
 */
public final class Correlation {
  private Correlation() {}

  /** Pearson's r (two-pass, centred sums). */
  public static double pearson(double[] x, double[] y) {
    check(x, y);
    int n = x.length;
    if (n < 2 || hasNaN(x) || hasNaN(y)) return Double.NaN;
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx, dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) return Double.NaN;
    double r = sxy / Math.sqrt(sxx * syy);
    return Math.max(-1.0, Math.min(1.0, r));
  }

  /** Spearman's rho: Pearson's r of average ranks (ties share their mean rank, as scipy). */
  public static double spearman(double[] x, double[] y) {
    check(x, y);
    if (x.length < 2 || hasNaN(x) || hasNaN(y)) return Double.NaN;
    return pearson(Ranks.average(x), Ranks.average(y));
  }

  /**
   * Spearman's rho over the rows {@code rows[from..to)} of {@code x} and {@code y} (rows may
   * repeat, as in a bootstrap resample); the columns are not copied, only the gathered values.
   */
  public static double spearman(double[] x, double[] y, int[] rows, int from, int to) {
    int m = to - from;
    double[] gx = new double[m], gy = new double[m];
    for (int i = 0; i < m; i++) {
      gx[i] = x[rows[from + i]];
      gy[i] = y[rows[from + i]];
    }
    return spearman(gx, gy);
  }

  /**
   * Mean alignment = 1 − mean |x − y| (the paper's {@code mean_alignment}). Unlike the
   * correlations it is well defined for one pair and for constant input, so, as in the paper's
   * pandas/polars code, it is NaN only for no pairs or when a value is NaN.
   */
  public static double meanAlignment(double[] x, double[] y) {
    check(x, y);
    int n = x.length;
    if (n == 0) return Double.NaN;
    double s = 0;
    for (int i = 0; i < n; i++) s += Math.abs(x[i] - y[i]);
    return 1.0 - s / n;
  }

  private static void check(double[] x, double[] y) {
    if (x.length != y.length)
      throw new IllegalArgumentException(
          "correlation needs arrays of equal length, got " + x.length + " and " + y.length);
  }

  private static boolean hasNaN(double[] v) {
    for (double d : v) if (Double.isNaN(d)) return true;
    return false;
  }
}
