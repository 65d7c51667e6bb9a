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

  /** {sortedX, smoothedY} with R's default {@code delta = 0.01 · range(x)}. */
  static double[][] smooth(double[] xIn, double[] yIn, double f, int iter) {
    return smooth(xIn, yIn, f, iter, -1);
  }

  /**
   * {sortedX, smoothedY}. Local fits are computed only at points more than {@code delta} apart
   * (R's speed-up; negative = R's default 1 % of the x range) and linearly interpolated between.
   */
  static double[][] smooth(double[] xIn, double[] yIn, double f, int iter, double delta) {
    int n = xIn.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> Double.compare(xIn[a], xIn[b]));
    double[] x = new double[n], y = new double[n];
    for (int i = 0; i < n; i++) { x[i] = xIn[idx[i]]; y[i] = yIn[idx[i]]; }
    if (delta < 0) delta = 0.01 * (x[n - 1] - x[0]);
    int k = Math.max(2, Math.min(n, (int) Math.round(f * n)));
    double[] robust = new double[n];
    Arrays.fill(robust, 1);
    double[] fit = new double[n];
    for (int it = 0; it <= iter; it++) {
      int left = 0, last = -1;
      for (int i = 0; i < n; i++) {
        boolean anchor = last < 0 || i == n - 1 || x[i] - x[last] > delta;
        if (!anchor) continue;
        while (left + k < n && x[i] - x[left] > x[left + k] - x[i]) left++;
        fit[i] = localFit(x, y, robust, i, left, left + k - 1);
        // points skipped since the last anchor: ties copy, the rest interpolate
        for (int j = last + 1; last >= 0 && j < i; j++) {
          double span = x[i] - x[last];
          fit[j] = span > 0 ? fit[last] + (fit[i] - fit[last]) * (x[j] - x[last]) / span : fit[last];
        }
        last = i;
      }
      if (it == iter) break;
      double[] res = new double[n];
      for (int i = 0; i < n; i++) res[i] = Math.abs(y[i] - fit[i]);
      double[] sorted = res.clone();
      Arrays.sort(sorted);
      double med = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      double s = 6 * med;
      if (s <= 0) break;
      for (int i = 0; i < n; i++) {
        double u = res[i] / s;
        double t = 1 - u * u;
        robust[i] = u < 1 ? t * t : 0;
      }
    }
    return new double[][] {x, fit};
  }

  /** Weighted local line at x[i] over the window [left, right], widened to ties at its edges (as R). */
  private static double localFit(double[] x, double[] y, double[] robust, int i, int left, int right) {
    int n = x.length;
    double h = Math.max(x[i] - x[left], x[right] - x[i]);
    int lo = left, hi = right;
    while (lo > 0 && x[lo - 1] >= x[i] - h) lo--;
    while (hi < n - 1 && x[hi + 1] <= x[i] + h) hi++;
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int j = lo; j <= hi; j++) {
      double d = h > 0 ? Math.abs(x[j] - x[i]) / h : 0;
      if (d >= 1) continue;
      double t = 1 - d * d * d;
      double w = t * t * t * robust[j];
      sw += w; sx += w * x[j]; sy += w * y[j]; sxx += w * x[j] * x[j]; sxy += w * x[j] * y[j];
    }
    if (sw <= 0) return y[i];
    double mx = sx / sw, my = sy / sw, vxx = sxx / sw - mx * mx;
    return vxx > 1e-12 * (1 + mx * mx) ? my + (sxy / sw - mx * my) / vxx * (x[i] - mx) : my;
  }
}
