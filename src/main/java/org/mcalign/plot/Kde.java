package org.mcalign.plot;

/**
 * Gaussian kernel density with Scott's bandwidth, as seaborn's violins use it
 * ({@code scipy.stats.gaussian_kde}: bandwidth = sample standard deviation (ddof 1) × n^(−1/5);
 * the curve spans the data ± {@code cut} bandwidths on {@code gridsize} points).
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
    double[] grid = new double[gridsize], dens = new double[gridsize];
    double norm = 1 / (v.length * bw * Math.sqrt(2 * Math.PI));
    for (int i = 0; i < gridsize; i++) {
      double g = lo + (hi - lo) * i / (gridsize - 1);
      double s = 0;
      for (double x : v) { double z = (g - x) / bw; s += Math.exp(-0.5 * z * z); }
      grid[i] = g;
      dens[i] = s * norm;
    }
    return new double[][] {grid, dens};
  }
}
