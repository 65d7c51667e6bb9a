package org.mcalign.plot;

import java.util.Arrays;

/**
 * Cleveland's LOWESS as R's {@code lowess(x, y, f = 2/3, iter = 3)} (the red smoother of R's
 * residuals-vs-fitted plot): local linear fits with tricube weights over the nearest
 * f·n points, then robustness iterations with bisquare weights of the residuals. Returns the
 * smoothed y at sorted x.
 *
 * <p>Why not Commons Math's {@code LoessInterpolator}: it requires strictly increasing x and
 * rejects ties, while a regression's fitted values are mostly ties (the RQ2 model has 16,000
 * residuals on 160 distinct fitted values; R includes all tied points in a neighbourhood);
 * averaging the ties first would weight each distinct x once instead of by its points, and it
 * has no {@code delta} (R's interpolation between fits closer than 1 % of the x range). Smile
 * has no LOWESS. {@code SmoothersIT} checks this one against statsmodels' port of R's
 * {@code clowess}.
 */
final class Lowess {
  private Lowess() {}

  /** {sortedX, smoothedY} with R's default {@code delta = 0.01 · range(x)}. */
  static double[][] smooth(double[] xIn, double[] yIn, double f, int iter) {
    return smooth(xIn, yIn, f, iter, -1);
  }

  /**
   * {sortedX, smoothedY}. Local fits are computed at a point, then at the last point within
   * {@code delta} of it (R's speed-up; negative = R's default 1 % of the x range), with linear
   * interpolation between and tied x sharing their fit; robustness weights are bisquare in the
   * residuals over 6 median absolute residuals, 1 below 0.1 % and 0 above 99.9 % of that scale.
   */
  static double[][] smooth(double[] xIn, double[] yIn, double f, int iter, double delta) {
    int n = xIn.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    Arrays.sort(idx, (a, b) -> Double.compare(xIn[a], xIn[b]));
    double[] x = new double[n], y = new double[n];
    for (int i = 0; i < n; i++) { x[i] = xIn[idx[i]]; y[i] = yIn[idx[i]]; }
    double[] fit = new double[n];
    if (n < 2) {
      if (n == 1) fit[0] = y[0];
      return new double[][] {x, fit};
    }
    if (delta < 0) delta = 0.01 * (x[n - 1] - x[0]);
    int k = Math.max(2, Math.min(n, (int) (f * n + 1e-7)));
    double[] robust = new double[n];
    Arrays.fill(robust, 1);
    double[] weights = new double[n];
    for (int it = 0; it <= iter; it++) {
      int left = 0, right = k - 1, last = -1, i = 0;
      while (true) {
        if (right < n - 1 && x[i] - x[left] > x[right + 1] - x[i]) {
          left++;
          right++;
          continue;
        }
        fit[i] = localFit(x, y, robust, weights, it > 0, i, left, right);
        for (int j = last + 1; last >= 0 && j < i; j++) {
          double a = (x[j] - x[last]) / (x[i] - x[last]);
          fit[j] = a * fit[i] + (1 - a) * fit[last];
        }
        last = i;
        double cut = x[last] + delta;
        for (i = last + 1; i < n; i++) {
          if (x[i] > cut) break;
          if (x[i] == x[last]) {
            fit[i] = fit[last];
            last = i;
          }
        }
        i = Math.max(last + 1, i - 1);
        if (last >= n - 1) break;
      }
      if (it == iter) break;
      double[] res = new double[n];
      double sum = 0;
      for (int j = 0; j < n; j++) {
        res[j] = Math.abs(y[j] - fit[j]);
        sum += res[j];
      }
      double[] sorted = res.clone();
      Arrays.sort(sorted);
      double scale = n % 2 == 1 ? 6 * sorted[n / 2] : 3 * (sorted[n / 2 - 1] + sorted[n / 2]);
      if (scale < 1e-7 * sum / n) break;
      for (int j = 0; j < n; j++) {
        double r = res[j];
        if (r <= 0.001 * scale) robust[j] = 1;
        else if (r <= 0.999 * scale) {
          double u = r / scale;
          robust[j] = (1 - u * u) * (1 - u * u);
        } else robust[j] = 0;
      }
    }
    return new double[][] {x, fit};
  }

  /**
   * The weighted local line at x[i] over the window starting at {@code left}: tricube weights
   * within 99.9 % of the window's half-width (1 within 0.1 %), taken rightwards past
   * {@code right} while x ties; the plain weighted mean when the weighted spread of x is tiny.
   */
  private static double localFit(double[] x, double[] y, double[] robust, double[] w, boolean useRobust, int i, int left, int right) {
    int n = x.length;
    double xs = x[i], range = x[n - 1] - x[0];
    double h = Math.max(xs - x[left], x[right] - xs), h9 = 0.999 * h, h1 = 0.001 * h;
    double sum = 0;
    int j = left;
    for (; j < n; j++) {
      w[j] = 0;
      double r = Math.abs(x[j] - xs);
      if (r <= h9) {
        if (r <= h1) w[j] = 1;
        else {
          double q = r / h;
          double t = 1 - q * q * q;
          w[j] = t * t * t;
        }
        if (useRobust) w[j] *= robust[j];
        sum += w[j];
      } else if (x[j] > xs) {
        break;
      }
    }
    int end = j - 1;
    if (sum <= 0) return y[i];
    for (j = left; j <= end; j++) w[j] /= sum;
    if (h > 0) {
      double a = 0;
      for (j = left; j <= end; j++) a += w[j] * x[j];
      double b = xs - a, c = 0;
      for (j = left; j <= end; j++) c += w[j] * (x[j] - a) * (x[j] - a);
      if (Math.sqrt(c) > 0.001 * range) {
        b /= c;
        for (j = left; j <= end; j++) w[j] *= b * (x[j] - a) + 1;
      }
    }
    double ys = 0;
    for (j = left; j <= end; j++) ys += w[j] * y[j];
    return ys;
  }
}
