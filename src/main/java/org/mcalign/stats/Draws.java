package org.mcalign.stats;

/**
 * The bounded integers of {@code new SplittableRandom(seed).nextInt(bound)}, the same numbers in
 * the same order, drawn about twice as fast when many are counted at once ({@link #count}).
 *
 * <p>Why it is faster: {@code SplittableRandom} mixes one seed, then divides, per draw. Here the
 * mixes of the next {@value #BATCH} seeds are computed in one loop that the JIT vectorises (the
 * seeds are {@code seed + k·γ}, independent of each other), and so are their remainders for
 * the bound of {@link #count} or {@link #indices}: by multiplication, exact, without the integer
 * division that was most of the cost of a draw ({@link #draw(long, long, long)}). Rejection (a
 * draw beyond the last whole multiple of {@code bound}) consumes the next seed, as in the JDK.
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
  /** The draws of the buffered mixes for the bound being drawn (see {@link #reduce}). */
  private final long[] reduced = new long[BATCH];
  /** {@link #nextInt}'s last bound and its {@link #reciprocal}. */
  private int lastBound;
  private long lastReciprocal;
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
    if (bound != lastBound) { // a division per new bound, not per draw
      lastBound = bound;
      lastReciprocal = reciprocal(bound);
    }
    for (;;) {
      long u = take() >>> 1;
      long r = draw(u, lastReciprocal, bound);
      if (r >= 0) return (int) r; // else: u lies beyond the last whole multiple of bound, draw again
    }
  }

  /**
   * Draws {@code n} integers in {@code [0, bound)} and adds one to {@code w} at each:
   * {@code for (i < n) w[rng.nextInt(bound)]++} on the same stream.
   */
  public void count(int[] w, int n, int bound) {
    if (n > 0 && w.length < bound) throw new IllegalArgumentException("counts of length " + w.length + " for bound " + bound);
    draw(n, bound, w, true);
  }

  /** {@code n} draws in {@code [0, bound)} in order, as {@link Bootstrap#resampleIndices} takes them. */
  public int[] indices(int n, int bound) {
    int[] out = new int[n];
    draw(n, bound, out, false);
    return out;
  }

  /** {@code n} draws of {@code bound}, a batch at a time: counted into {@code target} or stored in it in order. */
  private void draw(int n, int bound, int[] target, boolean counts) {
    if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
    int m = bound - 1;
    long reciprocal = reciprocal(bound);
    boolean powerOfTwo = (bound & m) == 0;
    int done = 0;
    while (done < n) {
      if (next == BATCH) refill();
      // at most n - done entries are needed; a rejection leaves the count short and loops again
      int end = Math.min(BATCH, next + (n - done));
      if (!powerOfTwo) reduce(next, end, bound, reciprocal);
      for (int k = next; k < end; k++) {
        int r = powerOfTwo ? (int) mixed[k] & m : (int) reduced[k];
        if (r < 0) continue; // rejected: the next entry draws again
        if (counts) target[r]++;
        else target[done] = r;
        done++;
      }
      next = end;
    }
  }

  /** {@code reduced[k]} = {@link #draw(long, long, long)} of the buffered entry {@code k}: a loop that C2 vectorises. */
  private void reduce(int from, int to, long bound, long reciprocal) {
    long[] in = mixed, out = reduced;
    for (int k = from; k < to; k++) out[k] = draw((in[k] & 0xffffffffL) >>> 1, reciprocal, bound);
  }

  /**
   * The draw a candidate {@code u = mix32 >>> 1} gives for {@code bound} (not a power of two):
   * {@code u mod bound}, or -1 where the JDK rejects the candidate ({@code u + m - r < 0} in int
   * arithmetic: {@code u - r + bound - 1} reaches 2^31). The quotient is estimated as
   * {@code u·M >> 32} with {@code M} = {@link #reciprocal}, which for {@code u < 2^31} is the true
   * quotient or one more (the error {@code u·(M − 2^32/bound)/2^32} is below ½), so one
   * conditional addition of {@code bound} gives the exact remainder. No branch: vectorisable.
   */
  static long draw(long u, long reciprocal, long bound) {
    long r = u - ((u * reciprocal) >>> 32) * bound;
    r += bound & (r >> 63);
    return r | ~((u - r + bound - 1 - 0x80000000L) >> 63);
  }

  /** {@code floor((2^32 − 1)/bound) + 1}, the multiplier of {@link #draw(long, long, long)}. */
  static long reciprocal(int bound) {
    return 0xffffffffL / bound + 1;
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
}
