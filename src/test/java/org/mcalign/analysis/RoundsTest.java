package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.mcalign.stats.Draws;
import org.junit.jupiter.api.Test;

/** A resample as multiplicities: n draws with replacement from n rows, whatever the array held before. */
class RoundsTest {
  @Test
  void countsOfOneResampleSumToItsSizeAndAreUniform() {
    int n = 50, rounds = 4000;
    int[] w = new int[n + 3];
    Arrays.fill(w, 7); // left over from an earlier round
    double[] total = new double[n];
    Draws rng = Draws.of(5);
    for (int r = 0; r < rounds; r++) {
      Rounds.resampleCounts(w, n, rng);
      assertEquals(n, Arrays.stream(w, 0, n).sum(), "n draws");
      assertArrayEquals(new int[] {7, 7, 7}, Arrays.copyOfRange(w, n, n + 3), "nothing past n is touched");
      for (int i = 0; i < n; i++) total[i] += w[i];
    }
    // each row is drawn Binomial(n, 1/n) times per round: mean 1, variance (1 - 1/n)
    double sd = Math.sqrt((1 - 1.0 / n) / rounds);
    for (int i = 0; i < n; i++) assertEquals(1.0, total[i] / rounds, 5 * sd, "row " + i);
  }
}
