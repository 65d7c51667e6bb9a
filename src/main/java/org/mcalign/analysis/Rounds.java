package org.mcalign.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs bootstrap rounds in parallel, each with its own generator derived from (seed, round),
 * so results are identical whatever the thread count. The one place where the analysis
 * package draws bootstrap randomness.
 */
final class Rounds {
  private Rounds() {}

  interface Body<R> {
    R run(int round, SplittableRandom rng);
  }

  /** The generator of one round: a function of (seed, round) only. */
  static SplittableRandom rng(long seed, int round) {
    return new SplittableRandom(mix(seed) ^ mix(0x9E3779B97F4A7C15L * (round + 1L)));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static <R> List<R> run(int rounds, long seed, int threads, Body<R> body) {
    List<R> out = new ArrayList<>(rounds);
    if (threads <= 1 || rounds <= 1) {
      for (int r = 0; r < rounds; r++) out.add(body.run(r, rng(seed, r)));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, rounds), runnable -> {
      Thread t = new Thread(runnable, "mcalign-bootstrap");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>(rounds);
      for (int r = 0; r < rounds; r++) {
        final int round = r;
        futures.add(pool.submit(() -> body.run(round, rng(seed, round))));
      }
      for (Future<R> f : futures) out.add(f.get());
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bootstrap interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) throw re;
      throw new IllegalStateException(c);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Multiplicities of a resample of {@code n} rows drawn with replacement from {@code n}. */
  static void resampleCounts(int[] w, int n, SplittableRandom rng) {
    java.util.Arrays.fill(w, 0, n, 0);
    for (int i = 0; i < n; i++) w[rng.nextInt(n)]++;
  }
}
