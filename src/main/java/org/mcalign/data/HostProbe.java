package org.mcalign.data;

import java.util.SplittableRandom;

/**
 * How fast the machine is right now, as one fixed piece of work: 12.3 million seeded bounded
 * draws ({@code SplittableRandom.nextInt(bound)} counted into an array), the kernel the bootstrap
 * rounds of {@code analyze all} ran before {@code Draws}; it stays the JDK's, so that probes of
 * different days and builds compare. On a shared host the same jar's times
 * drift by a third within an hour, so {@code bench} prints this beside its figures (before and
 * after the benchmarks) to say which kind of hour they were measured in.
 */
public final class HostProbe {
  private HostProbe() {}

  static final int ROWS = 122_731, GENERATORS = 100;

  /** One probe: the draws' time and a checksum of their counts (so the work cannot be skipped). */
  public record Result(double millis, long checksum) {}

  /** The fastest of {@code repeats} timed passes, after one untimed pass. */
  public static Result fastestOf(int repeats) {
    if (repeats < 1) throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
    int[] counts = new int[ROWS];
    long checksum = pass(counts);
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repeats; r++) {
      java.util.Arrays.fill(counts, 0);
      long t0 = System.nanoTime();
      long c = pass(counts);
      best = Math.min(best, (System.nanoTime() - t0) / 1e6);
      if (c != checksum) throw new IllegalStateException("host probe: the same draws counted differently");
    }
    return new Result(best, checksum);
  }

  /** {@link #GENERATORS} seeded generators, {@link #ROWS} draws each, counted per row. */
  static long pass(int[] counts) {
    for (int g = 0; g < GENERATORS; g++) {
      SplittableRandom rng = new SplittableRandom(g);
      for (int i = 0; i < ROWS; i++) counts[rng.nextInt(ROWS)]++;
    }
    long sum = 0;
    for (int i = 0; i < ROWS; i++) sum = 31 * sum + counts[i];
    return sum;
  }

  /** The line {@code bench} prints. */
  public static String describe(Result before, Result after) {
    return String.format("host probe (12.3M seeded draws, fastest of 5): %.1f ms before the benchmarks, %.1f ms after",
        before.millis(), after.millis());
  }
}
