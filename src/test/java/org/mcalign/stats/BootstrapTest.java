package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
  @Test
  void identicalResultsFor1_2And8Threads() {
    SplittableRandom data = new SplittableRandom(1);
    int n = 500;
    double[] x = new double[n], y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = data.nextDouble();
      y[i] = x[i] + data.nextGaussian();
    }
    List<Double> one = run(x, y, 1), two = run(x, y, 2), eight = run(x, y, 8);
    assertEquals(200, one.size());
    assertEquals(one, two);
    assertEquals(one, eight);
    assertNotEquals(one.get(0), one.get(1), "rounds must differ");
    assertNotEquals(one, Bootstrap.of(200, 43).threads(2).run((r, rng) -> stat(x, y, rng)), "seed must matter");
  }

  private static List<Double> run(double[] x, double[] y, int threads) {
    return Bootstrap.of(200, 42).threads(threads).run((r, rng) -> stat(x, y, rng));
  }

  private static double stat(double[] x, double[] y, SplittableRandom rng) {
    int[] rows = Bootstrap.resampleIndices(x.length, rng);
    return Correlation.spearman(x, y, rows, 0, rows.length);
  }

  @Test
  void resultsComeBackInRoundOrder() {
    List<Integer> rounds = Bootstrap.of(50, 0).threads(4).run((r, rng) -> r);
    for (int i = 0; i < 50; i++) assertEquals(i, rounds.get(i));
  }

  @Test
  void resampleDrawsWithReplacementInRange() {
    int[] idx = Bootstrap.resampleIndices(1000, Bootstrap.generator(5, 0));
    boolean repeat = false;
    boolean[] seen = new boolean[1000];
    for (int i : idx) {
      assertTrue(i >= 0 && i < 1000);
      repeat |= seen[i];
      seen[i] = true;
    }
    assertTrue(repeat, "1000 draws from 1000 without a repeat is practically impossible");
  }

  @Test
  void percentileUsesNumpyLinearInterpolation() {
    // np.percentile([1,2,3,4], 25) == 1.75 ; np.percentile([15,20,35,40,50], 40) == 29.0
    assertEquals(1.75, Bootstrap.percentile(new double[] {4, 1, 3, 2}, 25), 1e-15);
    assertEquals(29.0, Bootstrap.percentile(new double[] {50, 15, 40, 20, 35}, 40), 1e-12);
    assertEquals(50.0, Bootstrap.percentile(new double[] {50, 15, 40, 20, 35}, 100), 0);
    assertEquals(15.0, Bootstrap.percentile(new double[] {50, 15, 40, 20, 35}, 0), 0);
    assertEquals(2.5, Bootstrap.percentile(new double[] {1, 2, 3, 4}, 50), 0);
    assertTrue(Double.isNaN(Bootstrap.percentile(new double[] {}, 50)));
    assertThrows(IllegalArgumentException.class, () -> Bootstrap.percentile(new double[] {1}, 101));
  }

  @Test
  void resampleTableKeepsSizeAndDrawsExistingRows() {
    tech.tablesaw.api.Table t = tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("id", 0, 1, 2, 3, 4));
    tech.tablesaw.api.Table r = Bootstrap.resample(t, Bootstrap.generator(9, 3));
    assertEquals(5, r.rowCount());
    for (int v : r.intColumn("id").asIntArray()) assertTrue(v >= 0 && v < 5);
    assertTrue(r.intColumn("id").unique().size() < 5, "this seed draws a row twice; repeats must be kept");
    assertEquals(r.intColumn("id").asList(), Bootstrap.resample(t, Bootstrap.generator(9, 3)).intColumn("id").asList());
  }

  @Test
  void failingRoundPropagates() {
    assertThrows(IllegalStateException.class, () -> Bootstrap.of(10, 1).threads(2).run((r, rng) -> {
      if (r == 7) throw new IllegalStateException("boom");
      return r;
    }));
  }
}
