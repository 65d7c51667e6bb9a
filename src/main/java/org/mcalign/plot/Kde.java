package org.mcalign.plot;

import smile.stat.distribution.KernelDensity;

/**
 * Gaussian kernel density with Scott's bandwidth, as seaborn's violins use it
 * ({@code scipy.stats.gaussian_kde}: bandwidth = sample standard deviation (ddof 1) × n^(−1/5);
 * the curve spans the data ± {@code cut} bandwidths on {@code gridsize} points). The density
 * is Smile's {@link KernelDensity} with that bandwidth (Smile's own default is Silverman's
 * rule, which seaborn does not use); Smile sums the kernels within 5 bandwidths of a point,
 * a truncation of at most e^(−12.5) ≈ 4·10⁻⁶ of the peak, far below plotting precision
 * ({@code SmoothersIT} compares the curves with scipy's).
 */
final class Kde {
  private Kde() {}

  static double scottBandwidth(double[] v) {
    int n = v.length;
    double m = Interval.mean(v), ss = 0;
    for (double x : v) ss += (x - m) * (x - m);
    double sd = Math.sqrt(ss / (n - 1));
    return sd * Math.pow(n, -0.2);
  }

  /** {grid, density} over [min − cut·bw, max + cut·bw]. */
  static double[][] curve(double[] v, double cut, int gridsize) {
    if (v.length < 2) throw new IllegalArgumentException("a density needs at least two values, got " + v.length);
    double bw = scottBandwidth(v);
    if (!(bw > 0)) throw new IllegalArgumentException("a density needs values that are not all equal");
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (double x : v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    lo -= cut * bw;
    hi += cut * bw;
    // KernelDensity sorts the array it is given: hand it a copy
    KernelDensity kd = new KernelDensity(v.clone(), bw);
    double[] grid = new double[gridsize], dens = new double[gridsize];
    for (int i = 0; i < gridsize; i++) {
      grid[i] = lo + (hi - lo) * i / (gridsize - 1);
      dens[i] = kd.p(grid[i]);
    }
    return new double[][] {grid, dens};
  }
}
