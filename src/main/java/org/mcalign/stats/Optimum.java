package org.mcalign.stats;

/**
 * The maximum over γ ≥ 0 of a profiled mixed-model log-likelihood, found by steps that cannot
 * throw (an undefined value counts as −∞): the best point of a grid over log γ, Brent's
 * parabolic search on log γ around it, the root of the analytic score inside that bracket (the
 * value alone pins γ only to about √eps), and the boundary γ = 0.
 *
 * <p>{@code converged} is the gradient test at the answer: |d llf / d log γ| ≤ 1e-6 inside,
 * d llf / dγ ≤ 1e-6 at the boundary γ = 0 (a maximum there may slope downward only).
 */
record Optimum(double gamma, double llf, boolean converged) {
  static final double GRADIENT_TOLERANCE = 1e-6;

  static Optimum find(RemlProfile f, boolean reml) {
    java.util.function.DoubleUnaryOperator value = t -> finite(f.llf(Math.exp(t), reml));
    double step = 0.5, lo = -20, hi = 12;
    int count = (int) Math.round((hi - lo) / step) + 1;
    double[] grid = new double[count + 60];
    double[] vals = new double[grid.length];
    int best = 0;
    for (int s = 0; s < count; s++) {
      grid[s] = lo + s * step;
      vals[s] = value.applyAsDouble(grid[s]);
      if (vals[s] > vals[best]) best = s;
    }
    // a maximum at the top of the grid: extend it (a very large group variance)
    while (best == count - 1 && count < grid.length) {
      grid[count] = grid[count - 1] + step;
      vals[count] = value.applyAsDouble(grid[count]);
      if (vals[count] > vals[best]) best = count;
      count++;
    }
    double a = best > 0 ? grid[best - 1] : grid[0] - step, b = best < count - 1 ? grid[best + 1] : grid[best] + step;
    double t = brentMax(value, a, b, grid[best]);
    double gamma = Math.exp(t);
    double top = value.applyAsDouble(t);
    double root = scoreRoot(f, reml, Math.exp(a), Math.exp(b));
    if (!Double.isNaN(root)) {
      double atRoot = finite(f.llf(root, reml));
      if (atRoot >= top - 1e-12 * Math.abs(top)) {
        gamma = root;
        top = atRoot;
      }
    }
    double atZero = finite(f.llf(0, reml));
    if (atZero >= top) {
      gamma = 0;
      top = atZero;
    }
    boolean converged;
    if (top == Double.NEGATIVE_INFINITY) {
      converged = false;
    } else if (gamma == 0) {
      double s0 = f.score(0, reml);
      converged = !(s0 > GRADIENT_TOLERANCE) && !Double.isNaN(s0);
    } else {
      double g = f.score(gamma, reml) * gamma;
      converged = Math.abs(g) <= GRADIENT_TOLERANCE;
    }
    return new Optimum(gamma, top, converged);
  }

  private static double finite(double v) {
    return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
  }

  /** Brent's minimisation (golden section with parabolic steps) of −f on [a, b], started at x. */
  static double brentMax(java.util.function.DoubleUnaryOperator f, double a, double b, double x) {
    final double golden = 0.3819660112501051, tol = 1e-12;
    double w = x, v = x, fx = -f.applyAsDouble(x), fw = fx, fv = fx;
    double d = 0, e = 0;
    for (int iter = 0; iter < 200; iter++) {
      double m = 0.5 * (a + b), tol1 = tol * Math.abs(x) + 1e-14, tol2 = 2 * tol1;
      if (Math.abs(x - m) <= tol2 - 0.5 * (b - a)) break;
      boolean golden_step = true;
      if (Math.abs(e) > tol1 && Double.isFinite(fx) && Double.isFinite(fw) && Double.isFinite(fv)) {
        double r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = (x - v) * q - (x - w) * r;
        q = 2 * (q - r);
        if (q > 0) p = -p;
        else q = -q;
        double etemp = e;
        e = d;
        if (Math.abs(p) < Math.abs(0.5 * q * etemp) && p > q * (a - x) && p < q * (b - x)) {
          d = p / q;
          double u = x + d;
          if (u - a < tol2 || b - u < tol2) d = x < m ? tol1 : -tol1;
          golden_step = false;
        }
      }
      if (golden_step) {
        e = x < m ? b - x : a - x;
        d = golden * e;
      }
      double u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
      double fu = -f.applyAsDouble(u);
      if (Double.isNaN(fu)) fu = Double.POSITIVE_INFINITY;
      if (fu <= fx) {
        if (u < x) b = x;
        else a = x;
        v = w;
        fv = fw;
        w = x;
        fw = fx;
        x = u;
        fx = fu;
      } else {
        if (u < x) a = u;
        else b = u;
        if (fu <= fw || w == x) {
          v = w;
          fv = fw;
          w = u;
          fw = fu;
        } else if (fu <= fv || v == x || v == w) {
          v = u;
          fv = fu;
        }
      }
    }
    return x;
  }

  /** The root of the score in [lo, hi] where it falls from positive to negative (Illinois steps); NaN if none. */
  static double scoreRoot(RemlProfile f, boolean reml, double lo, double hi) {
    double flo = f.score(lo, reml), fhi = f.score(hi, reml);
    if (!(flo > 0 && fhi < 0)) return Double.NaN;
    int side = 0;
    for (int iter = 0; iter < 300; iter++) {
      double mid = (lo * fhi - hi * flo) / (fhi - flo);
      if (!(mid > lo && mid < hi)) mid = 0.5 * (lo + hi);
      double fm = f.score(mid, reml);
      if (Double.isNaN(fm)) return Double.NaN;
      if (fm == 0) return mid;
      if (fm > 0) {
        lo = mid;
        flo = fm;
        if (side == 1) fhi /= 2;
        side = 1;
      } else {
        hi = mid;
        fhi = fm;
        if (side == -1) flo /= 2;
        side = -1;
      }
      if (hi - lo <= 4 * Math.ulp(hi)) break;
    }
    return 0.5 * (lo + hi);
  }
}
