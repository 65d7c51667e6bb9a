package org.mcalign.wvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelfConsistencyTest {
  /** Pearson over the explicit self-join (every pair of rounds per item), written out plainly. */
  static double pearsonOverSelfJoin(double[][] scores) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (double[] item : scores) {
      for (double a : item) {
        for (double b : item) {
          x.add(a);
          y.add(b);
        }
      }
    }
    int n = x.size();
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
      sx += x.get(i);
      sy += y.get(i);
    }
    double mx = sx / n, my = sy / n;
    for (int i = 0; i < n; i++) {
      sxx += (x.get(i) - mx) * (x.get(i) - mx);
      syy += (y.get(i) - my) * (y.get(i) - my);
      sxy += (x.get(i) - mx) * (y.get(i) - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  @Test
  void closedFormEqualsTheSelfJoin() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int t = 0; t < 20; t++) {
      double[][] s = new double[1 + rng.nextInt(30)][1 + rng.nextInt(40)];
      for (double[] row : s) {
        double centre = rng.nextDouble();
        for (int r = 0; r < row.length; r++) row[r] = Math.min(1, Math.max(0, centre + 0.2 * (rng.nextDouble() - 0.5)));
      }
      int[] all = new int[s.length];
      for (int i = 0; i < all.length; i++) all[i] = i;
      assertEquals(pearsonOverSelfJoin(s), SelfConsistency.pairedCorrelation(s, all), 1e-10);
    }
  }

  @Test
  void nanScorePropagates() {
    double[][] s = {{0.1, 0.2}, {Double.NaN, 0.5}};
    assertTrue(Double.isNaN(SelfConsistency.pairedCorrelation(s, new int[] {0, 1})));
  }

  @Test
  void floydDrawsDistinctUniformIndices() {
    SplittableRandom rng = new SplittableRandom(11);
    int n = 25, k = 10, draws = 20_000;
    int[] freq = new int[n];
    int[] out = new int[k];
    for (int d = 0; d < draws; d++) {
      SelfConsistency.floyd(n, k, rng, out);
      boolean[] seen = new boolean[n];
      for (int i = 0; i < k; i++) {
        assertTrue(out[i] >= 0 && out[i] < n);
        assertTrue(!seen[out[i]], "distinct");
        seen[out[i]] = true;
        freq[out[i]]++;
      }
    }
    double expected = (double) draws * k / n; // 8000 each
    double chi2 = 0;
    for (int f : freq) chi2 += (f - expected) * (f - expected) / expected;
    assertTrue(chi2 < 60, "chi-square " + chi2 + " with 24 degrees of freedom"); // p ~ 1e-4
    SelfConsistency.floyd(4, 4, rng, out); // k == n takes everyone
    assertEquals(6, out[0] + out[1] + out[2] + out[3]);
  }

  @Test
  void sampledScoreIsTheWeightedShareOfTheSample() {
    // 12 respondents, the first 3 pro; the mean of the sampled scores over many rounds
    // approaches the unweighted... with equal weights, the expected score is 3/12
    double[] w = new double[12];
    java.util.Arrays.fill(w, 2.0);
    List<SelfConsistency.Group> groups = List.of(new SelfConsistency.ListGroup(0, 0, w, 3));
    double[][] s = SelfConsistency.sample(groups, 4000, 10, 5);
    double mean = 0;
    for (double v : s[0]) {
      mean += v;
      double pros = v * 10; // each sample has 10 of equal weight: the score is a multiple of 0.1
      assertEquals(Math.round(pros), pros, 1e-9);
      assertTrue(pros >= 1 - 1e-9 && pros <= 3 + 1e-9, "a sample of 10 of 12 holds 1 to 3 of the 3 pro");
    }
    assertEquals(0.25, mean / 4000, 0.005);
  }

  @Test
  void seededAndSeedSensitive() {
    double[] w = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    List<SelfConsistency.Group> g = List.of(new SelfConsistency.ListGroup(0, 0, w, 7), new SelfConsistency.ListGroup(0, 1, w, 2));
    double[][] a = SelfConsistency.sample(g, 50, 10, 42);
    double[][] b = SelfConsistency.sample(g, 50, 10, 42);
    double[][] c = SelfConsistency.sample(g, 50, 10, 43);
    assertTrue(java.util.Arrays.deepEquals(a, b));
    assertNotEquals(java.util.Arrays.deepToString(a), java.util.Arrays.deepToString(c));
  }

  @Test
  void rowStoreGroupsDrawDistinctValidRespondentsUniformly() throws Exception {
    // 40 respondents of DK, equal weights: F120 answered by 30 (20 with code 8, 10 with code 2),
    // 10 missing (-1). The file's maximum is 8, so pro is code <= 4: the 10 with code 2. A
    // sample of 10 distinct valid respondents has a pro share that is a multiple of 0.1, with
    // mean exactly 10/30 when drawn uniformly
    StringBuilder csv = new StringBuilder("cntry_AN,lnge_iso,gwght,pwght,F120\n");
    for (int i = 0; i < 40; i++) csv.append("DK,da,1,1,").append(i < 20 ? 8 : i < 30 ? 2 : -1).append('\n');
    Microdata m = Microdata.read(new java.io.ByteArrayInputStream(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "row-store.csv", -1, Microdata.Progress.NONE);
    GroundTruth gt = GroundTruth.compute(m, GroundTruthSettings.paper());
    double[][] s;
    try (SampleStore store = gt.sampleStore()) {
      List<SelfConsistency.Group> groups = gt.selfConsistencyGroups(store);
      assertEquals(1, groups.size());
      assertTrue(groups.get(0) instanceof SelfConsistency.RowStoreGroup, "30 of 40 answered: drawn from the store");
      assertEquals(30, groups.get(0).size());
      s = SelfConsistency.sample(groups, 20_000, 10, 3);
    }
    double mean = 0;
    for (double v : s[0]) {
      assertEquals(Math.round(v * 10), v * 10, 1e-9);
      mean += v;
    }
    assertEquals(10.0 / 30, mean / s[0].length, 0.005);
  }
}
