package org.mcalign.stats;

/**
 * The bounded integers of {@code new SplittableRandom(seed).nextInt(bound)}, the same numbers in
 * the same order, drawn about twice as fast when many are counted at once ({@link #count}).
 *
 * <p>Why it is faster: {@code SplittableRandom} mixes one seed, then divides, per draw. Here the
 * mixes of the next {@value #BATCH} seeds are computed in one loop that the JIT vectorises (the
 * seeds are {@code seed + k·γ}, independent of each other), and so are their remainders for
 * {@link #count}'s bound ({@link #reduce}: by multiplication, exact); {@link #nextInt} takes
 * its remainder by two multiplications (Lemire, Kaser and Kurz 2019, exact for every 32-bit
 * dividend and divisor). An integer division was most of the cost of a draw. Rejection (a draw
 * beyond the last whole multiple of {@code bound}) consumes the next seed, as in the JDK.
 *
 * <p>Exactness rests on {@code SplittableRandom(long)} using the golden gamma and the
 * {@code mix32} of its source (Java 8 to 21, unchanged); {@code DrawsTest} compares the two
 * streams on random and edge-case bounds, so a JDK that changed it would fail the build.
 */
public final class Draws {
  /** Mixes computed per batch: small enough to stay in L1, large enough to amortise the loop. */
  static final int BATCH = 256;
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  /** {@code γ·(k+1)}: the seed offsets of one batch, so that the batch loop is elementwise. */
  private static final long[] OFFSETS = new long[BATCH];

  static {
    for (int k = 0; k < BATCH; k++) OFFSETS[k] = GOLDEN_GAMMA * (k + 1L);
  }

  /** The seed before the buffered mixes: they belong to seeds {@code base + γ·(k+1)}. */
  private long base;
  /** {@code mix32} of the buffered seeds (as non-negative longs holding the 32 bits). */
  private final long[] mixed = new long[BATCH];
  /** The draws of the buffered mixes for the bound {@link #count} is drawing (see {@link #reduce}). */
  private final long[] reduced = new long[BATCH];
  /** Next unused entry of {@link #mixed}; {@code BATCH} when none is left. */
  private int next = BATCH;

  private Draws(long seed) {
    this.base = seed;
  }

  /** The stream of {@code new SplittableRandom(seed)}. */
  public static Draws of(long seed) {
    return new Draws(seed);
  }

  /** As {@code SplittableRandom.nextInt(bound)}: uniform in {@code [0, bound)}. */
  public int nextInt(int bound) {
    if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
    int m = bound - 1;
    if ((bound & m) == 0) return take() & m;
    long inverse = inverse(bound);
    for (;;) {
      int u = take() >>> 1;
      int r = remainder(u, inverse, bound);
      if (u + m - r >= 0) return r; // else: u lies beyond the last whole multiple of bound, draw again
    }
  }

  /**
   * Draws {@code n} integers in {@code [0, bound)} and adds one to {@code w} at each:
   * {@code for (i < n) w[rng.nextInt(bound)]++} on the same stream.
   */
  public void count(int[] w, int n, int bound) {
    if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
    if (n > 0 && w.length < bound) throw new IllegalArgumentException("counts of length " + w.length + " for bound " + bound);
    int m = bound - 1;
    long reciprocal = 0xffffffffL / bound + 1;
    boolean powerOfTwo = (bound & m) == 0;
    int done = 0;
    while (done < n) {
      if (next == BATCH) refill();
      // at most n - done entries are needed; a rejection leaves the count short and loops again
      int end = Math.min(BATCH, next + (n - done));
      if (powerOfTwo) {
        for (int k = next; k < end; k++) w[(int) mixed[k] & m]++;
        done += end - next;
      } else {
        reduce(next, end, bound, reciprocal);
        for (int k = next; k < end; k++) {
          int r = (int) reduced[k];
          if (r < 0) continue; // rejected: the next entry draws again
          w[r]++;
          done++;
        }
      }
      next = end;
    }
  }

  /**
   * {@code reduced[k]} = the draw entry {@code k} gives for {@code bound} (not a power of two):
   * {@code (mix32 >>> 1) mod bound}, or -1 where the JDK rejects the candidate. An elementwise
   * loop over longs that C2 vectorises: the quotient is estimated as {@code u·M >> 32} with
   * {@code M = floor((2^32 − 1)/bound) + 1}, which for {@code u < 2^31} is the true quotient or
   * one more (the error {@code u·(M − 2^32/bound)/2^32} is below ½), so one conditional addition
   * of {@code bound} gives the exact remainder.
   */
  private void reduce(int from, int to, long bound, long reciprocal) {
    long m = bound - 1;
    long[] in = mixed, out = reduced;
    for (int k = from; k < to; k++) {
      long u = (in[k] & 0xffffffffL) >>> 1;
      long r = u - ((u * reciprocal) >>> 32) * bound;
      r += bound & (r >> 63);
      // the JDK's "u + m - r < 0" in int arithmetic: u - r + m reaches 2^31
      out[k] = r | ~((u - r + m - 0x80000000L) >> 63);
    }
  }

  /** {@code n} draws in {@code [0, bound)} in order, as {@link Bootstrap#resampleIndices} takes them. */
  public int[] indices(int n, int bound) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = nextInt(bound);
    return out;
  }

  private int take() {
    if (next == BATCH) refill();
    return (int) mixed[next++];
  }

  /** The mixes of the next {@value #BATCH} seeds; an elementwise loop, vectorised by C2. */
  private void refill() {
    long s = base;
    long[] out = mixed;
    for (int k = 0; k < BATCH; k++) {
      long z = s + OFFSETS[k];
      z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
      out[k] = ((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32;
    }
    base = s + GOLDEN_GAMMA * BATCH;
    next = 0;
  }

  /** {@code ceil(2^64 / d)} as an unsigned long (0 for d = 1, which then gives remainder 0). */
  static long inverse(int d) {
    return Long.divideUnsigned(-1L, d) + 1;
  }

  /** {@code u mod d} for {@code u, d} in {@code [0, 2^31)}, d ≥ 1, by two multiplications. */
  static int remainder(int u, long inverse, int d) {
    long low = inverse * u;
    // the high 64 bits of the unsigned product low·d (d ≥ 0, so only low's sign needs correcting)
    return (int) (Math.multiplyHigh(low, d) + ((low >> 63) & d));
  }
}
