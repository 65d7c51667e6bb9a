package org.mcalign.plot;

import java.util.Arrays;

/**
 * Cleveland's LOWESS as R's {@code lowess(x, y, f = 2/3, iter = 3)} (the red smoother of R's
 * residuals-vs-fitted plot): local linear fits with tricube weights over the nearest
 * f·n points, then robustness iterations with bisquare weights of the residuals. Ties in x
 * are fine (unlike Commons Math's LoessInterpolator). Returns the smoothed y at sorted x.
 */
final class Lowess {
  private Lowess() {}

  /** {sortedX, smoothedY}. */
  static double[][] smooth(double[] xIn, double[] yIn, double f, int iter) {
    int n = xIn.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> Double.compare(xIn[a], xIn[b]));
    double[] x = new double[n], y = new double[n];
    for (int i = 0; i < n; i++) { x[i] = xIn[idx[i]]; y[i] = yIn[idx[i]]; }
    int k = Math.max(2, Math.min(n, (int) Math.round(f * n)));
    double[] robust = new double[n];
    Arrays.fill(robust, 1);
    double[] fit = new double[n];
    // distinct x only: the fit at tied x is the same
    for (int it = 0; it <= iter; it++) {
      int left = 0;
      for (int i = 0; i < n; i++) {
        if (i > 0 && x[i] == x[i - 1]) { fit[i] = fit[i - 1]; continue; }
        while (left + k < n && x[i] - x[left] > x[left + k] - x[i]) left++;
        int right = left + k - 1;
        double h = Math.max(x[i] - x[left], x[right] - x[i]);
        // include ties at the window edge, as R does
        int lo = left, hi = right;
        while (lo > 0 && x[lo - 1] >= x[i] - h) lo--;
        while (hi < n - 1 && x[hi + 1] <= x[i] + h) hi++;
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int j = lo; j <= hi; j++) {
          double d = h > 0 ? Math.abs(x[j] - x[i]) / h : 0;
          double w = d < 1 ? Math.pow(1 - d * d * d, 3) : 0;
          w *= robust[j];
          sw += w; sx += w * x[j]; sy += w * y[j]; sxx += w * x[j] * x[j]; sxy += w * x[j] * y[j];
        }
        if (sw <= 0) { fit[i] = y[i]; continue; }
        double mx = sx / sw, my = sy / sw, vxx = sxx / sw - mx * mx;
        fit[i] = vxx > 1e-12 * (1 + mx * mx) ? my + (sxy / sw - mx * my) / vxx * (x[i] - mx) : my;
      }
      if (it == iter) break;
      double[] res = new double[n];
      for (int i = 0; i < n; i++) res[i] = Math.abs(y[i] - fit[i]);
      double[] sorted = res.clone();
      Arrays.sort(sorted);
      double med = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      double s = 6 * med;
      if (s <= 0) break;
      for (int i = 0; i < n; i++) { double u = res[i] / s; robust[i] = u < 1 ? Math.pow(1 - u * u, 2) : 0; }
    }
    return new double[][] {x, fit};
  }
}
