package org.mcalign.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seeded, parallel bootstrap. Round {@code r} gets its own generator derived only from
 * {@code (seed, r)}, so the results are identical whatever the number of threads and
 * whichever thread runs which round. Results come back in round order.
 *
 * <pre>{@code
 * List<Double> rhos = Bootstrap.of(1000, 42).threads(4).run((round, rng) -> {
 *   int[] rows = Bootstrap.resampleIndices(n, rng);
 *   return Correlation.spearman(x, y, rows, 0, rows.length);
 * });
 * }</pre>
 */
public final class Bootstrap {
  /** One bootstrap round: computes a result from its own generator. */
  @FunctionalInterface
  public interface Round<R> {
    R apply(int round, SplittableRandom rng) throws Exception;
  }

  private final int rounds;
  private final long seed;
  private int threads = Runtime.getRuntime().availableProcessors();

  private Bootstrap(int rounds, long seed) {
    if (rounds < 0) throw new IllegalArgumentException("bootstrap rounds must be >= 0, got " + rounds);
    this.rounds = rounds;
    this.seed = seed;
  }

  public static Bootstrap of(int rounds, long seed) {
    return new Bootstrap(rounds, seed);
  }

  /** Number of worker threads (default: available processors); 1 runs on the caller's thread. */
  public Bootstrap threads(int n) {
    if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
    this.threads = n;
    return this;
  }

  public int rounds() {
    return rounds;
  }

  public long seed() {
    return seed;
  }

  /** The generator of round {@code round}: a function of (seed, round) only. */
  public static SplittableRandom generator(long seed, int round) {
    return new SplittableRandom(roundSeed(seed, round));
  }

  /** The seed of round {@code round}'s generator (for {@link Draws#of}, the same stream). */
  public static long roundSeed(long seed, int round) {
    return mix64(mix64(seed) + 0x9E3779B97F4A7C15L * (round + 1L));
  }

  /** Runs all rounds (in parallel on a bounded pool) and returns their results in round order. */
  public <R> List<R> run(Round<R> body) {
    Object[] out = new Object[rounds];
    int workers = Math.min(threads, Math.max(1, rounds));
    if (workers == 1) {
      for (int r = 0; r < rounds; r++) out[r] = call(body, r);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
        Thread t = new Thread(runnable, "bootstrap");
        t.setDaemon(true);
        return t;
      });
      AtomicInteger next = new AtomicInteger();
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++)
          futures.add(pool.submit(() -> {
            for (int r = next.getAndIncrement(); r < rounds; r = next.getAndIncrement())
              out[r] = call(body, r);
          }));
        for (Future<?> f : futures) f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("bootstrap interrupted", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) throw re;
        if (c instanceof Error err) throw err;
        throw new IllegalStateException(c);
      } finally {
        pool.shutdownNow();
      }
    }
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) Arrays.asList(out);
    return list;
  }

  private <R> R call(Round<R> body, int r) {
    try {
      return body.apply(r, generator(seed, r));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("bootstrap round " + r + " failed: " + e.getMessage(), e);
    }
  }

  /** {@code n} row indices drawn uniformly with replacement (a resample of the same size). */
  public static int[] resampleIndices(int n, SplittableRandom rng) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = rng.nextInt(n);
    return idx;
  }

  /**
   * A resample of the table's rows with replacement, of the same size (polars'
   * {@code sample(fraction=1, with_replacement=True)}).
   */
  public static tech.tablesaw.api.Table resample(tech.tablesaw.api.Table table, SplittableRandom rng) {
    // not Table.rows(int...): it selects through a bitmap and so drops repeated rows
    int[] rows = resampleIndices(table.rowCount(), rng);
    tech.tablesaw.api.Table out = tech.tablesaw.api.Table.create(table.name());
    for (tech.tablesaw.columns.Column<?> c : table.columns()) out.addColumns(c.subset(rows));
    return out;
  }

  /**
   * The {@code q}-th percentile ({@code q} in [0, 100]) with numpy's default linear
   * interpolation: position {@code (n-1)·q/100} between the sorted values. NaN if {@code values}
   * is empty or holds a NaN (as numpy).
   */
  public static double percentile(double[] values, double q) {
    if (!(q >= 0 && q <= 100)) throw new IllegalArgumentException("percentile q must be in [0, 100], got " + q);
    int n = values.length;
    if (n == 0) return Double.NaN;
    double[] s = values.clone();
    for (double v : s) if (Double.isNaN(v)) return Double.NaN;
    Arrays.sort(s);
    double pos = (n - 1) * (q / 100.0);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, n - 1);
    double frac = pos - lo;
    // numpy's _lerp: a + (b - a)·t, switched to b - (b - a)·(1 - t) for t >= 0.5
    double a = s[lo], b = s[hi], d = b - a;
    return frac >= 0.5 ? b - d * (1 - frac) : a + d * frac;
  }

  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
