package org.mcalign.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;

/** Tail probabilities and quantiles, computed without cancellation in the far tails. */
final class Distributions {
  private Distributions() {}

  /** Two-sided p of a t statistic: 2·P(T > |t|). */
  static double tTwoSided(double t, double df) {
    // no residual degrees of freedom (a saturated fit): scipy gives nan, and so do we
    if (Double.isNaN(t) || !(df > 0)) return Double.NaN;
    if (Double.isInfinite(t)) return 0;
    // P(T > |t|) = ½ I_{df/(df+t²)}(df/2, ½)
    return Beta.regularizedBeta(df / (df + t * t), 0.5 * df, 0.5, 1e-16, 100000);
  }

  /** Two-sided p of a standard normal statistic: 2·P(Z > |z|) = erfc(|z|/√2). */
  static double normalTwoSided(double z) {
    if (Double.isNaN(z)) return Double.NaN;
    return Erf.erfc(Math.abs(z) / Math.sqrt(2));
  }

  static double tQuantile(double p, double df) {
    if (!(df > 0)) return Double.NaN;
    return new TDistribution(null, df, 1e-15).inverseCumulativeProbability(p);
  }

  static double normalQuantile(double p) {
    return new NormalDistribution(null, 0, 1, 1e-15).inverseCumulativeProbability(p);
  }

  /** Upper tail of F(d1, d2): I_{d2/(d2+d1·f)}(d2/2, d1/2). */
  static double fSurvival(double f, double d1, double d2) {
    if (Double.isNaN(f) || !(d1 > 0) || !(d2 > 0)) return Double.NaN;
    if (f <= 0) return 1;
    return Beta.regularizedBeta(d2 / (d2 + d1 * f), 0.5 * d2, 0.5 * d1, 1e-16, 100000);
  }
}
