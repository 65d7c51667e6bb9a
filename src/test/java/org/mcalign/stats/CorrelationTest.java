package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelationTest {
  @Test
  void spearmanMatchesScipyDocExampleWithTies() {
    // scipy.stats.spearmanr([1,2,3,4,5],[5,6,7,8,7]) documented as 0.8207826816681233
    assertEquals(0.8207826816681233, Correlation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}), 1e-15);
  }

  @Test
  void averageRanksShareTheMeanPosition() {
    assertArrayEquals(new double[] {1, 2, 3.5, 5, 3.5}, Ranks.average(new double[] {5, 6, 7, 8, 7}));
    assertArrayEquals(new double[] {2, 2, 2}, Ranks.average(new double[] {1, 1, 1}));
  }

  @Test
  void pearsonByHand() {
    // x = 1,2,3 ; y = 1,3,2: sxy = (-1)(-1)+0+(1)(0)=1, sxx=2, syy=2 -> 0.5
    assertEquals(0.5, Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2}), 1e-15);
    assertEquals(-1.0, Correlation.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
  }

  @Test
  void spearmanInvariantUnderMonotoneTransforms() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int rep = 0; rep < 20; rep++) {
      int n = 5 + rng.nextInt(200);
      double[] x = new double[n], y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = Math.round(rng.nextDouble() * 20) / 4.0; // ties on purpose
        y[i] = x[i] * 0.3 + rng.nextGaussian();
      }
      double rho = Correlation.spearman(x, y);
      double[] fx = new double[n], gy = new double[n];
      for (int i = 0; i < n; i++) {
        fx[i] = Math.exp(x[i]) + 3; // strictly increasing
        gy[i] = Math.pow(y[i], 3) * 2 - 1; // strictly increasing
      }
      assertEquals(rho, Correlation.spearman(fx, gy), 1e-12);
      double[] neg = new double[n];
      for (int i = 0; i < n; i++) neg[i] = -Math.atan(y[i]); // decreasing flips the sign
      assertEquals(-rho, Correlation.spearman(x, neg), 1e-12);
    }
  }

  @Test
  void nanRules() {
    assertTrue(Double.isNaN(Correlation.spearman(new double[] {1}, new double[] {2})));
    assertTrue(Double.isNaN(Correlation.pearson(new double[] {}, new double[] {})));
    assertTrue(Double.isNaN(Correlation.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    assertTrue(Double.isNaN(Correlation.pearson(new double[] {1, 2, 3}, new double[] {4, 4, 4})));
    assertTrue(Double.isNaN(Correlation.spearman(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3})));
    assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1, 2}, new double[] {1}));
  }

  @Test
  void meanAlignmentIsOneMinusMeanAbsoluteDifference() {
    // |0.1-0.3| + |0.5-0.5| + |0.9-0.5| = 0.2 + 0 + 0.4 = 0.6 ; mean 0.2 -> 0.8
    assertEquals(0.8, Correlation.meanAlignment(new double[] {0.1, 0.5, 0.9}, new double[] {0.3, 0.5, 0.5}), 1e-15);
    assertEquals(1.0, Correlation.meanAlignment(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}), 0);
    assertTrue(Double.isNaN(Correlation.meanAlignment(new double[] {}, new double[] {})));
  }

  @Test
  void spearmanOverRowSubsetEqualsSpearmanOfGatheredRows() {
    double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
    double[] y = {2, 7, 1, 8, 2, 8, 1, 8};
    int[] rows = {0, 2, 2, 5, 7, 3};
    double[] gx = new double[rows.length], gy = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      gx[i] = x[rows[i]];
      gy[i] = y[rows[i]];
    }
    assertEquals(Correlation.spearman(gx, gy), Correlation.spearman(x, y, rows, 0, rows.length), 0);
  }
}
