package org.mcalign.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.analysis.interpolation.LoessInterpolator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The violins' densities (Smile's kernel density with Scott's bandwidth) against scipy's
 * {@code gaussian_kde}, and the residual plots' LOWESS against statsmodels' port of R's, on
 * generated samples: the curves must agree within plotting precision (10⁻⁴ of the curve's
 * range; a 2× figure has about 10³ pixels per axis).
 */
class SmoothersIT {
  private static final int GRID = 100;
  private static final double CUT = 2;
  private static final List<double[]> KDE_SAMPLES = new ArrayList<>();
  private static final List<double[][]> LOWESS_SAMPLES = new ArrayList<>();
  private static JsonNode reference;

  @BeforeAll
  static void reference() throws Exception {
    String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    boolean ok;
    try {
      Process p = new ProcessBuilder(python, "-c", "import scipy, statsmodels").redirectErrorStream(true).start();
      ok = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      ok = false;
    }
    if (!ok) {
      if (System.getenv("CI") != null) fail("python3 with scipy and statsmodels is missing (required under CI)");
      Assumptions.assumeTrue(false, "python3 with scipy and statsmodels is missing: skipped");
    }
    SplittableRandom r = new SplittableRandom(20250226L);
    // pro scores of ~80 questions (bounded, skewed), a bimodal sample, a small one
    KDE_SAMPLES.add(sample(r, 83, i -> Math.min(1, Math.max(0, 0.45 + 0.25 * gauss(r)))));
    KDE_SAMPLES.add(sample(r, 400, i -> (i % 3 == 0 ? 2 : -1) + 0.5 * gauss(r)));
    KDE_SAMPLES.add(new double[] {0.1, 0.15, 0.4, 0.42, 0.9});
    // residuals on few distinct fitted values (ties, as a regression's), and on distinct x
    LOWESS_SAMPLES.add(residualsOnTies(r, 160, 40));
    LOWESS_SAMPLES.add(residualsOnTies(r, 36, 100));
    double[] x = sample(r, 300, i -> r.nextDouble() * 10), y = new double[300];
    for (int i = 0; i < 300; i++) y[i] = Math.sin(x[i]) + 0.3 * gauss(r) + (i % 50 == 0 ? 5 : 0);
    LOWESS_SAMPLES.add(new double[][] {x, y});

    Map<String, Object> req = new LinkedHashMap<>();
    req.put("kde", KDE_SAMPLES);
    List<Map<String, double[]>> lw = new ArrayList<>();
    for (double[][] s : LOWESS_SAMPLES) lw.add(Map.of("x", s[0], "y", s[1]));
    req.put("lowess", lw);
    req.put("grid", GRID);
    req.put("cut", CUT);
    Process p = new ProcessBuilder(python, Path.of("src/test/resources/plot/smoothers.py").toAbsolutePath().toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getOutputStream().write(new ObjectMapper().writeValueAsBytes(req));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) fail("the reference script failed");
    reference = new ObjectMapper().readTree(out);
  }

  @Test
  void densitiesMatchScipysGaussianKde() {
    for (int k = 0; k < KDE_SAMPLES.size(); k++) {
      double[] v = KDE_SAMPLES.get(k);
      JsonNode ref = reference.get("kde").get(k);
      assertEquals(ref.get("bandwidth").asDouble(), Kde.scottBandwidth(v), 1e-12, "Scott's bandwidth, sample " + k);
      double[][] ours = Kde.curve(v, CUT, GRID);
      double peak = 0;
      for (JsonNode d : ref.get("density")) peak = Math.max(peak, d.asDouble());
      for (int i = 0; i < GRID; i++) {
        assertEquals(ref.get("grid").get(i).asDouble(), ours[0][i], 1e-12, "grid point " + i + " of sample " + k);
        assertEquals(ref.get("density").get(i).asDouble(), ours[1][i], 1e-4 * peak, "density at grid point " + i + " of sample " + k);
      }
    }
  }

  @Test
  void lowessMatchesStatsmodelsPortOfR() {
    for (int k = 0; k < LOWESS_SAMPLES.size(); k++) {
      double[][] s = LOWESS_SAMPLES.get(k);
      double[][] ours = Lowess.smooth(s[0], s[1], 2.0 / 3, 3);
      JsonNode ref = reference.get("lowess").get(k);
      double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
      for (double v : s[1]) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      assertEquals(ref.get("y").size(), ours[1].length);
      for (int i = 0; i < ours[1].length; i++) {
        assertEquals(ref.get("x").get(i).asDouble(), ours[0][i], 1e-12);
        assertEquals(ref.get("y").get(i).asDouble(), ours[1][i], 1e-4 * (hi - lo), "lowess at point " + i + " of sample " + k);
      }
    }
  }

  /** Why the residual plots keep their own LOWESS: Commons Math's rejects tied x, which fitted values are. */
  @Test
  void commonsMathLoessRejectsTheTiesOfFittedValues() {
    double[][] s = LOWESS_SAMPLES.get(0);
    double[][] sorted = Lowess.smooth(s[0], s[1], 2.0 / 3, 0);
    assertThrows(org.apache.commons.math3.exception.MathIllegalArgumentException.class,
        () -> new LoessInterpolator(2.0 / 3, 3).smooth(sorted[0], s[1]));
    assertTrue(sorted[0][0] == sorted[0][1], "the sample has ties");
  }

  private static double[][] residualsOnTies(SplittableRandom r, int distinct, int perValue) {
    int n = distinct * perValue;
    double[] x = new double[n], y = new double[n];
    double[] levels = sample(r, distinct, i -> r.nextDouble() * 0.8);
    for (int i = 0; i < n; i++) {
      x[i] = levels[i % distinct];
      y[i] = 0.1 * gauss(r) * (1 - x[i]) + (r.nextDouble() < 0.01 ? -0.4 : 0);
    }
    return new double[][] {x, y};
  }

  private static double gauss(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(Math.max(r.nextDouble(), 1e-300))) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static double[] sample(SplittableRandom r, int n, java.util.function.IntToDoubleFunction f) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = f.applyAsDouble(i);
    return v;
  }
}
