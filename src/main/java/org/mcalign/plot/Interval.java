package org.mcalign.plot;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How a bar's whisker is computed from the values of its group, as seaborn's {@code errorbar}
 * argument: {@code percentile(95)} is {@code ("pi", 95)} (numpy's linear-interpolation
 * percentiles of the values themselves), {@code bootstrapCi(95, seed)} is seaborn's default
 * {@code ("ci", 95)} (percentile interval of 1,000 bootstrap means, seeded here), {@code none()}
 * draws no whisker. The bar height is always the mean, seaborn's default estimator.
 */
public final class Interval {
  private enum Kind { PERCENTILE, BOOTSTRAP_CI, NONE }

  private final Kind kind;
  private final double width;
  private final long seed;
  private final int rounds;

  private Interval(Kind kind, double width, long seed, int rounds) {
    if (!(width >= 0 && width <= 100)) throw new IllegalArgumentException("interval width must be in [0, 100], was " + width);
    this.kind = kind;
    this.width = width;
    this.seed = seed;
    this.rounds = rounds;
  }

  /** seaborn {@code errorbar=("pi", width)}. */
  public static Interval percentile(double width) {
    return new Interval(Kind.PERCENTILE, width, 0, 0);
  }

  /** seaborn {@code errorbar=("ci", width)} with 1,000 bootstrap means drawn with {@code seed}. */
  public static Interval bootstrapCi(double width, long seed) {
    return new Interval(Kind.BOOTSTRAP_CI, width, seed, 1000);
  }

  public static Interval none() {
    return new Interval(Kind.NONE, 0, 0, 0);
  }

  /**
   * {lower, upper} of the whisker the figures draw for a group with these values (in the
   * table's row order, which a bootstrap's draws depend on), or null when none is drawn: so a
   * table beside a figure can print exactly its whiskers.
   */
  public double[] bounds(double[] values) {
    return of(values);
  }

  /** {lower, upper} for the values, or null when no whisker is drawn (none, or one value). */
  double[] of(double[] values) {
    if (kind == Kind.NONE || values.length < 2) return null;
    double lo = (100 - width) / 2, hi = 100 - lo;
    if (kind == Kind.PERCENTILE) return new double[] {percentile(values, lo), percentile(values, hi)};
    SplittableRandom rng = new SplittableRandom(seed);
    double[] means = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      double s = 0;
      for (int i = 0; i < values.length; i++) s += values[rng.nextInt(values.length)];
      means[r] = s / values.length;
    }
    return new double[] {percentile(means, lo), percentile(means, hi)};
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }

  /** numpy.percentile with linear interpolation, q in [0, 100]. */
  static double percentile(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    double pos = q / 100 * (s.length - 1);
    int i = (int) Math.floor(pos);
    if (i >= s.length - 1) return s[s.length - 1];
    return s[i] + (pos - i) * (s[i + 1] - s[i]);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case PERCENTILE -> "percentile interval " + width + " %";
      case BOOTSTRAP_CI -> "bootstrap " + width + " % CI of the mean (" + rounds + " resamples, seed " + seed + ")";
      case NONE -> "no interval";
    };
  }
}
