package org.mcalign.stats;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleReliabilityTest {
  @TempDir Path dir;

  /** Shrout &amp; Fleiss (1979), Table 2: six targets, four judges; ICC(2,1) = .29, ICC(3,1) = .71. */
  @Test
  void iccEqualsShroutAndFleissWorkedExample() {
    double[][] x = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
    // their ANOVA: BMS = 11.24, JMS = 32.49, EMS = 1.02 (Table 3)
    double icc21 = ScaleReliability.iccAgreement(x), icc31 = ScaleReliability.iccConsistency(x);
    assertEquals(0.29, icc21, 0.005);
    assertEquals(0.71, icc31, 0.005);
    double bms = 56.2083333 / 5, jms = 97.4583333 / 3, ems = 15.2916667 / 15;
    assertEquals((bms - ems) / (bms + 3 * ems + 4 * (jms - ems) / 6), icc21, 1e-7);
  }

  @Test
  void omegaEqualsStatsmodelsPrincipalAxisFit() throws IOException {
    StatsmodelsReference.requireStatsmodels(dir);
    SplittableRandom rng = new SplittableRandom(3);
    int[] ks = {3, 4, 6};
    List<double[][]> data = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int k : ks) {
      double[][] x = new double[150][k];
      double[] load = new double[k];
      for (int j = 0; j < k; j++) load[j] = 0.4 + 0.5 * rng.nextDouble();
      StringBuilder sb = new StringBuilder();
      for (double[] row : x) {
        double f = rng.nextGaussian();
        for (int j = 0; j < k; j++) {
          row[j] = load[j] * f + 0.7 * rng.nextGaussian();
          sb.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", row[j]));
        }
        sb.append('\n');
      }
      Path csv = dir.resolve("omega" + k + ".csv");
      Files.writeString(csv, sb.toString());
      // parse back what Python reads, so both sides use the same numbers
      String[] lines = Files.readString(csv).split("\n");
      for (int i = 0; i < x.length; i++) {
        String[] f = lines[i].split(",");
        for (int j = 0; j < k; j++) x[i][j] = Double.parseDouble(f[j]);
      }
      data.add(x);
      files.add(csv);
    }
    JsonNode refs = StatsmodelsReference.call(dir, "omega", files);
    for (int i = 0; i < ks.length; i++) {
      JsonNode ref = refs.get(i);
      double[] ours = ScaleReliability.oneFactorLoadings(data.get(i));
      for (int j = 0; j < ks[i]; j++) assertEquals(ref.get("loadings").get(j).asDouble(), ours[j], 1e-6, "k=" + ks[i] + " loading " + j);
      assertEquals(ref.get("omega_total").asDouble(), ScaleReliability.omegaTotal(data.get(i)), 1e-7, "k=" + ks[i]);
    }
  }

  /** With three raters the one-factor model fits exactly: λ₁² = r₁₂·r₁₃ / r₂₃. */
  @Test
  void threeRatersHaveTheClosedFormLoadings() {
    SplittableRandom rng = new SplittableRandom(11);
    double[][] x = new double[300][3];
    for (double[] row : x) {
      double f = rng.nextGaussian();
      row[0] = 0.9 * f + 0.5 * rng.nextGaussian();
      row[1] = 0.7 * f + 0.6 * rng.nextGaussian();
      row[2] = 0.5 * f + 0.8 * rng.nextGaussian();
    }
    double[][] c = new double[3][300];
    for (int i = 0; i < 300; i++) for (int j = 0; j < 3; j++) c[j][i] = x[i][j];
    double r12 = Correlation.pearson(c[0], c[1]), r13 = Correlation.pearson(c[0], c[2]), r23 = Correlation.pearson(c[1], c[2]);
    double[] l = ScaleReliability.oneFactorLoadings(x);
    assertEquals(Math.sqrt(r12 * r13 / r23), l[0], 1e-8);
    assertEquals(Math.sqrt(r12 * r23 / r13), l[1], 1e-8);
    assertEquals(Math.sqrt(r13 * r23 / r12), l[2], 1e-8);
  }

  @Test
  void missingScoresAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> ScaleReliability.omegaTotal(new double[][] {{1, Double.NaN}, {2, 3}}));
    assertThrows(IllegalArgumentException.class, () -> ScaleReliability.iccAgreement(new double[][] {{1, 2}}));
  }
}
