package org.mcalign.analysis;

import java.util.List;
import org.mcalign.stats.Bootstrap;
import org.mcalign.stats.Draws;

/**
 * The one place where the analysis package draws bootstrap randomness: rounds run through
 * {@link Bootstrap} (generator per (seed, round), so results do not depend on threads), and
 * a resample is kept as multiplicities per row instead of an index list. A round draws from
 * {@link Draws}: the stream of its {@code SplittableRandom}, drawn in batches.
 */
final class Rounds {
  private Rounds() {}

  interface Body<R> {
    R run(int round, Draws rng);
  }

  static <R> List<R> run(int rounds, long seed, int threads, Body<R> body) {
    return Bootstrap.of(rounds, seed).threads(threads).run((round, generator) -> body.run(round, Draws.of(Bootstrap.roundSeed(seed, round))));
  }

  /** Multiplicities of a resample of {@code n} rows drawn with replacement from {@code n}. */
  static void resampleCounts(int[] w, int n, Draws rng) {
    java.util.Arrays.fill(w, 0, n, 0);
    rng.count(w, n, n);
  }
}
