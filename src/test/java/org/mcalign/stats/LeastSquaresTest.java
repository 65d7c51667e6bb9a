package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
  @ParameterizedTest
  @ValueSource(strings = {"rq1_ols_adjusted.json", "rq2_ols_us_bias.json"})
  void fastPathAgreesWithQrOnTheGoldenDesigns(String golden) throws Exception {
    Goldens.assume();
    DesignMatrix d = DesignMatrix.build(Goldens.json(golden).get("formula").asText(), Goldens.input(Goldens.inputOf(golden)));
    LeastSquares fast = LeastSquares.solve(d.columns(), d.response());
    LeastSquares qr = new LeastSquares(d.columns(), d.response());
    assertTrue(fast.viaNormalEquations, "indicator designs this well conditioned take the fast path");
    assertFalse(qr.viaNormalEquations);
    assertEquals(qr.rank, fast.rank);
    assertEquals(qr.spansConstant, fast.spansConstant);
    for (int j = 0; j < d.ncols(); j++) {
      assertEquals(qr.beta[j], fast.beta[j], 1e-10 * Math.max(1, Math.abs(qr.beta[j])));
      assertEquals(qr.normalizedCov[j][j], fast.normalizedCov[j][j], 1e-9 * qr.normalizedCov[j][j]);
    }
    assertEquals(qr.singularValues[0] / qr.singularValues[d.ncols() - 1],
        fast.singularValues[0] / fast.singularValues[d.ncols() - 1], 1e-6);
  }

  @Test
  void illConditionedAndRankDeficientDesignsUseQr() {
    SplittableRandom rng = new SplittableRandom(1);
    int n = 200;
    double[] a = new double[n], b = new double[n], one = new double[n], y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextGaussian();
      b[i] = a[i] + 1e-7 * rng.nextGaussian(); // nearly collinear: cond(X) ~ 1e7
      one[i] = 1;
      y[i] = a[i] + rng.nextGaussian();
    }
    assertFalse(LeastSquares.solve(new double[][] {one, a, b}, y).viaNormalEquations);
    double[] twice = a.clone();
    for (int i = 0; i < n; i++) twice[i] *= 2;
    LeastSquares rd = LeastSquares.solve(new double[][] {one, a, twice}, y);
    assertFalse(rd.viaNormalEquations);
    assertEquals(2, rd.rank);
    LeastSquares ok = LeastSquares.solve(new double[][] {one, a}, y);
    assertTrue(ok.viaNormalEquations);
    assertTrue(ok.spansConstant);
    assertFalse(LeastSquares.solve(new double[][] {a}, y).spansConstant);
  }
}
