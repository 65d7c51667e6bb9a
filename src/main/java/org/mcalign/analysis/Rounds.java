package org.mcalign.analysis;

import java.util.List;
import java.util.SplittableRandom;
import org.mcalign.stats.Bootstrap;

/**
 * The one place where the analysis package draws bootstrap randomness: rounds run through
 * {@link Bootstrap} (generator per (seed, round), so results do not depend on threads), and
 * a resample is kept as multiplicities per row instead of an index list.
 */
final class Rounds {
  private Rounds() {}

  interface Body<R> {
    R run(int round, SplittableRandom rng);
  }

  static <R> List<R> run(int rounds, long seed, int threads, Body<R> body) {
    return Bootstrap.of(rounds, seed).threads(threads).run(body::run);
  }

  /** Multiplicities of a resample of {@code n} rows drawn with replacement from {@code n}. */
  static void resampleCounts(int[] w, int n, SplittableRandom rng) {
    java.util.Arrays.fill(w, 0, n, 0);
    for (int i = 0; i < n; i++) w[rng.nextInt(n)]++;
  }
}
