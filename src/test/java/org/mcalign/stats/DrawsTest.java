package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Draws} is the stream of {@code new SplittableRandom(seed).nextInt(bound)}, draw for draw. */
class DrawsTest {
  /** Bounds where the JDK's rejection step matters: near 2^30 about every other candidate is rejected. */
  private static final int[] EDGE_BOUNDS = {1, 2, 3, 7, 64, 277, 284, 500, 1 << 20, (1 << 30) - 1, 1 << 30, (1 << 30) + 1,
      (1 << 30) + 12345, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};

  @Test
  void nextIntEqualsSplittableRandomOnEdgeAndRandomBounds() {
    SplittableRandom pick = new SplittableRandom(11);
    for (int t = 0; t < 200; t++) {
      long seed = pick.nextLong();
      SplittableRandom jdk = new SplittableRandom(seed);
      Draws ours = Draws.of(seed);
      // more than one batch, bounds changing between draws
      for (int i = 0; i < 3 * Draws.BATCH + 17; i++) {
        int bound = i % 3 == 0 ? EDGE_BOUNDS[(t + i) % EDGE_BOUNDS.length] : 1 + pick.nextInt(i % 2 == 0 ? 1000 : Integer.MAX_VALUE);
        assertEquals(jdk.nextInt(bound), ours.nextInt(bound), "seed " + seed + ", draw " + i + ", bound " + bound);
      }
    }
  }

  @Test
  void countEqualsCountingSplittableRandomDrawsAndContinuesTheStream() {
    SplittableRandom pick = new SplittableRandom(12);
    for (int t = 0; t < 300; t++) {
      long seed = pick.nextLong();
      SplittableRandom jdk = new SplittableRandom(seed);
      Draws ours = Draws.of(seed);
      for (int call = 0; call < 6; call++) {
        // group sizes as the analyses have them, powers of two, and bounds where half the candidates are rejected
        int bound = switch ((t + call) % 4) {
          case 0 -> 1 + pick.nextInt(400);
          case 1 -> 1 << pick.nextInt(12);
          case 2 -> (1 << 30) + 1 + pick.nextInt(1000);
          default -> EDGE_BOUNDS[pick.nextInt(EDGE_BOUNDS.length)];
        };
        int n = pick.nextInt(3 * Draws.BATCH);
        int size = Math.min(bound, 5000);
        int[] expected = new int[size + 2], actual = new int[size + 2];
        Arrays.fill(expected, size, size + 2, -9);
        Arrays.fill(actual, size, size + 2, -9);
        if (bound <= size) {
          for (int i = 0; i < n; i++) expected[jdk.nextInt(bound)]++;
          ours.count(actual, n, bound);
          assertArrayEquals(expected, actual, "seed " + seed + ", call " + call + ", bound " + bound + ", n " + n);
        } else {
          // a bound too large for an array of counts: the single draws still follow the same stream
          for (int i = 0; i < n; i++) assertEquals(jdk.nextInt(bound), ours.nextInt(bound), "seed " + seed + ", bound " + bound);
        }
        // and the stream continues where the JDK's does, whichever way it was drawn
        assertEquals(jdk.nextInt(1000), ours.nextInt(1000), "seed " + seed + " after call " + call);
      }
    }
  }

  @Test
  void indicesAreTheDrawsInOrder() {
    SplittableRandom jdk = new SplittableRandom(5);
    int[] expected = new int[1000];
    for (int i = 0; i < expected.length; i++) expected[i] = jdk.nextInt(1000);
    assertArrayEquals(expected, Draws.of(5).indices(1000, 1000));
    assertArrayEquals(Bootstrap.resampleIndices(777, Bootstrap.generator(3, 4)), Draws.of(Bootstrap.roundSeed(3, 4)).indices(777, 777),
        "a round's draws are those of its generator");
  }

  /** The remainder by multiplication, with the JDK's rejection, for every 31-bit candidate shape and divisor. */
  @Test
  void remainderByMultiplicationIsExactForEveryDivisorShape() {
    SplittableRandom pick = new SplittableRandom(13);
    int[] divisors = {1, 2, 3, 5, 7, 10, 277, 65535, 65536, 65537, (1 << 30) + 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
    int[] dividends = {0, 1, 2, 276, 277, 278, 65535, 65536, (1 << 30), Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
    for (int d : divisors) {
      long reciprocal = Draws.reciprocal(d);
      for (int u : dividends) assertEquals(jdkDraw(u, d), Draws.draw(u, reciprocal, d), u + " mod " + d);
      for (int i = 0; i < 20000; i++) {
        int u = pick.nextInt() >>> 1;
        assertEquals(jdkDraw(u, d), Draws.draw(u, reciprocal, d), u + " mod " + d);
      }
    }
    for (int i = 0; i < 200000; i++) {
      int d = 1 + (pick.nextInt() >>> 1) % Integer.MAX_VALUE, u = pick.nextInt() >>> 1;
      assertEquals(jdkDraw(u, d), Draws.draw(u, Draws.reciprocal(d), d), u + " mod " + d);
    }
  }

  /** {@code SplittableRandom.nextInt(bound)}'s step on a candidate: {@code u mod d}, or -1 where it draws again. */
  private static long jdkDraw(int u, int d) {
    int r = u % d;
    return u + (d - 1) - r < 0 ? -1 : r;
  }

  @Test
  void refusesBoundsAndCountsThatCannotHoldTheDraws() {
    Draws d = Draws.of(1);
    assertThrows(IllegalArgumentException.class, () -> d.nextInt(0));
    assertThrows(IllegalArgumentException.class, () -> d.count(new int[3], 5, -1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.count(new int[3], 5, 4));
    assertTrue(e.getMessage().contains("length 3 for bound 4"), e.getMessage());
  }
}
