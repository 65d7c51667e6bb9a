package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotMathTest {
  @Test
  void percentilesAreNumpysLinearInterpolation() {
    assertEquals(1.75, Interval.percentile(new double[] {4, 1, 3, 2}, 25), 1e-12);
    assertEquals(2.5, Interval.percentile(new double[] {1, 2, 3, 4}, 50), 1e-12);
    // seaborn ("pi", 95) over lower, coefficient, upper: 2.5 % lies 5 % of the way from lower to the coefficient
    double[] iv = Interval.percentile(95).of(new double[] {0.1, 0.3, 0.5});
    assertEquals(0.1 + 0.05 * 0.2, iv[0], 1e-12);
    assertEquals(0.5 - 0.05 * 0.2, iv[1], 1e-12);
    assertArrayEquals(new double[] {0.1, 0.5}, Interval.percentile(100).of(new double[] {0.3, 0.1, 0.5}), 1e-12);
    assertNull(Interval.none().of(new double[] {1, 2}));
  }

  @Test
  void bootstrapIntervalIsSeededAndBracketsTheMean() {
    double[] v = {0.4, 0.5, 0.45, 0.55, 0.42, 0.48, 0.51};
    double[] a = Interval.bootstrapCi(95, 3).of(v), b = Interval.bootstrapCi(95, 3).of(v);
    assertArrayEquals(a, b);
    double m = Interval.mean(v);
    org.junit.jupiter.api.Assertions.assertTrue(a[0] < m && m < a[1]);
  }

  @Test
  void ticksFollowMatplotlibsMaxNLocator() {
    assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, Ticks.of(0, 1, 5), 1e-12);
    // raw step 0.98/9 = 0.109 → next nice step 0.2
    assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8}, Ticks.of(-0.14, 0.84, 9), 1e-12);
    // steps of 2.5 are allowed: (0, 1) in 4 bins → 0.25
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1.0}, Ticks.of(0, 1, 4), 1e-12);
    assertEquals(2, Ticks.decimals(new double[] {0, 0.25, 0.5}));
    assertEquals("\u22120.10", Ticks.format(-0.1, 2));
    assertEquals("0.0", Ticks.format(-1e-17, 1));
  }

  @Test
  void scottBandwidthAndDensity() {
    // sd (ddof 1) of 1..5 = sqrt(2.5); 5^(-1/5) = 0.724780
    assertEquals(Math.sqrt(2.5) * Math.pow(5, -0.2), Kde.scottBandwidth(new double[] {1, 2, 3, 4, 5}), 1e-12);
    double[][] c = Kde.curve(new double[] {1, 2, 3, 4, 5, 2.5, 3.5}, 6, 400);
    double integral = 0;
    for (int i = 1; i < c[0].length; i++) integral += (c[0][i] - c[0][i - 1]) * (c[1][i] + c[1][i - 1]) / 2;
    assertEquals(1.0, integral, 1e-4);
    assertThrows(IllegalArgumentException.class, () -> Kde.curve(new double[] {1, 1, 1}, 2, 10));
  }

  @Test
  void lowessReproducesALineAndIsRobustToOneOutlier() {
    double[] x = new double[50], y = new double[50];
    for (int i = 0; i < 50; i++) { x[i] = i % 10; y[i] = 2 * x[i] + 1; }
    double[][] s = Lowess.smooth(x, y, 2.0 / 3, 3);
    for (int i = 0; i < 50; i++) assertEquals(2 * s[0][i] + 1, s[1][i], 1e-9);
    y[25] += 100;
    s = Lowess.smooth(x, y, 2.0 / 3, 3);
    for (int i = 0; i < 50; i++) assertEquals(2 * s[0][i] + 1, s[1][i], 1e-6);
  }

  @Test
  void termsUseThePapersPatterns() {
    assertEquals("gemma", Terms.level("multilingual:family[gemma]:language[Danish]", "family"));
    assertEquals("Danish", Terms.level("multilingual:family[gemma]:language[Danish]", "language"));
    assertEquals("gpt-4o", Terms.level("us[T.True]:model_name[T.gpt-4o]:language[da]", "model_name"));
    assertEquals("da", Terms.level("us[T.True]:model_name[T.gpt-4o]:language[da]", "language"));
    assertNull(Terms.level("consistency", "language"));
  }

  @Test
  void formulasAreCaptionedAsRDeparsesThem() {
    assertEquals("metric_value ~ us * model_name:language", Figures.rFormula("metric_value ~  us*model_name:language"));
  }

  @Test
  void heatmapAnnotationsDropTheLeadingZero() {
    assertEquals(".58", Heatmap.withoutLeadingZero(0.5812));
    assertEquals("-.12", Heatmap.withoutLeadingZero(-0.1234));
    assertEquals("1.00", Heatmap.withoutLeadingZero(1.0));
  }

  @Test
  void correlationMatrixIsPairwiseComplete() {
    String[] g = {"a", "a", "a", "b", "b", "b", "b"};
    String[] k = {"q1", "q2", "q3", "q1", "q2", "q3", "q4"};
    double[] v = {1, 2, 3, 2, 4, 7, 100};
    CorrelationMatrix m = CorrelationMatrix.of(g, k, v, List.of("a", "b"));
    // over q1..q3 only: x = 1,2,3; y = 2,4,7 → r = 5 / sqrt(2 · 12.6667)
    assertEquals(5 / Math.sqrt(2 * (38.0 / 3)), m.r[0][1], 1e-12);
    assertEquals(1.0, m.r[1][1], 1e-12);
  }
}
