package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TotalGroundTruthAlignmentTest {

  /** The acceptance test: one pass without resampling equals the golden to 1e-9. */
  @Test
  void noResampleMatchesGoldenForAllLevels() throws IOException {
    AnalysisInputs in = TestData.inputs();
    AnalysisSettings s = AnalysisSettings.paper();
    Table responses = Baselines.withBaselines(in.responses(), s, 1);
    Table ours = TotalGroundTruthAlignment.run(in, responses, Metric.SPEARMAN, 0, 1, s).table();
    Map<String, double[]> byKey = new HashMap<>();
    for (int i = 0; i < ours.rowCount(); i++)
      byKey.put(key(ours.getString(i, "model_name"), ours.getString(i, "gt_group"),
              ours.getString(i, "response_language"), ours.getString(i, "gt_type")),
          new double[] {ours.doubleColumn("metric_value").getDouble(i), ours.doubleColumn("consistency").getDouble(i)});
    List<String> golden = Files.readAllLines(TestData.goldens().resolve("total_gt_alignment_no_resample.csv"));
    assertEquals("model_name,gt_group,response_language,metric_value,consistency,round,gt_type,metric", golden.get(0));
    Map<String, Integer> perType = new HashMap<>();
    double worst = 0;
    for (String line : golden.subList(1, golden.size())) {
      String[] f = line.split(",");
      String k = key(f[0], f[1], f[2], f[6]);
      double[] got = byKey.get(k);
      assertNotNull(got, "no row for " + k);
      double dm = Math.abs(got[0] - Double.parseDouble(f[3]));
      double dc = Math.abs(got[1] - Double.parseDouble(f[4]));
      assertTrue(dm <= 1e-9, k + " metric " + got[0] + " vs " + f[3]);
      assertTrue(dc <= 1e-9, k + " consistency " + got[1] + " vs " + f[4]);
      worst = Math.max(worst, Math.max(dm, dc));
      perType.merge(f[6], 1, Integer::sum);
    }
    assertEquals(3, perType.size(), "golden covers global, language and country");
    long nonBaseline = ours.stringColumn("model_name").isNotIn(
        org.mcalign.data.Paper.BASELINE_FIFTY, org.mcalign.data.Paper.BASELINE_UNIFORM).size();
    assertEquals(golden.size() - 1, nonBaseline, "same non-baseline rows as the golden");
    System.out.println("golden rows " + (golden.size() - 1) + " " + perType + ", max abs diff " + worst);
  }

  /** Levels built once serve every metric: each run equals one that builds its own, whatever ran before on them. */
  @Test
  void levelsBuiltOnceGiveTheSameTablesForEveryMetric() {
    AnalysisInputs in = TestData.inputs();
    AnalysisSettings s = AnalysisSettings.paper();
    Table responses = Baselines.withBaselines(in.responses(), s, 7);
    TotalGroundTruthAlignment.Levels levels = TotalGroundTruthAlignment.levels(in, responses);
    for (Metric m : new Metric[] {Metric.SPEARMAN, Metric.MEAN_ALIGNMENT, Metric.PEARSON, Metric.SPEARMAN}) {
      Table shared = TotalGroundTruthAlignment.run(levels, m, 4, 21, s).table();
      Table own = TotalGroundTruthAlignment.run(in, responses, m, 4, 21, s).table();
      assertEquals(own.rowCount(), shared.rowCount(), m.id());
      for (String c : own.columnNames())
        assertEquals(own.column(c).asList(), shared.column(c).asList(), m.id() + " " + c);
    }
  }

  /** Results depend on (data, seed) only, not on the number of threads. */
  @Test
  void bootstrapIsSeededAndThreadIndependent() {
    AnalysisInputs in = TestData.inputs();
    Table responses = Baselines.withBaselines(in.responses(), AnalysisSettings.paper(), 7);
    Table gt = JoinedScores.groundTruth(in, GroundTruthType.LANGUAGE);
    Table one = TotalGroundTruthAlignment.runLevel(responses, gt, GroundTruthType.LANGUAGE, Metric.SPEARMAN, 6, 11, 1, 0.955);
    Table two = TotalGroundTruthAlignment.runLevel(responses, gt, GroundTruthType.LANGUAGE, Metric.SPEARMAN, 6, 11, 2, 0.955);
    Table other = TotalGroundTruthAlignment.runLevel(responses, gt, GroundTruthType.LANGUAGE, Metric.SPEARMAN, 6, 12, 2, 0.955);
    assertEquals(one.rowCount(), two.rowCount());
    assertArrayEquals(one.doubleColumn("metric_value").asDoubleArray(), two.doubleColumn("metric_value").asDoubleArray());
    assertArrayEquals(one.doubleColumn("consistency").asDoubleArray(), two.doubleColumn("consistency").asDoubleArray());
    assertFalse(java.util.Arrays.equals(one.doubleColumn("metric_value").asDoubleArray(),
        other.doubleColumn("metric_value").asDoubleArray()));
    // 11 models (9 + 2 baselines) x 4 languages (native language ground truth only joins same-language? no: all 4 groups) per round
    assertEquals(6 * 11 * 4 * 4, one.rowCount());
  }

  /**
   * Why {@link ConsistencyPairs#DISTINCT_ROWS} is the default: its bootstrap consistency is
   * centred on the one-pass value, while pairing resampled copies with themselves (the
   * paper's code as written) lifts every group's consistency.
   */
  @Test
  void pairingCopiesLiftsTheBootstrapConsistency() {
    AnalysisInputs in = TestData.inputs();
    Table responses = in.responses();
    Table gt = JoinedScores.groundTruth(in, GroundTruthType.LANGUAGE);
    Table once = TotalGroundTruthAlignment.runLevel(responses, gt, GroundTruthType.LANGUAGE, Metric.SPEARMAN, 0, 1, 2, 0.955,
        ConsistencyPairs.DISTINCT_ROWS);
    double base = once.doubleColumn("consistency").mean();
    double rows = TotalGroundTruthAlignment.runLevel(responses, gt, GroundTruthType.LANGUAGE, Metric.SPEARMAN, 40, 3, 2, 0.955,
        ConsistencyPairs.DISTINCT_ROWS).doubleColumn("consistency").mean();
    double positions = TotalGroundTruthAlignment.runLevel(responses, gt, GroundTruthType.LANGUAGE, Metric.SPEARMAN, 40, 3, 2, 0.955,
        ConsistencyPairs.DISTINCT_POSITIONS).doubleColumn("consistency").mean();
    System.out.printf("mean consistency: one pass %.4f, distinct rows %.4f, distinct positions %.4f%n", base, rows, positions);
    assertEquals(base, rows, 0.005, "distinct rows: centred on the one-pass value");
    assertTrue(positions - base > 0.01, "copies paired with themselves lift consistency: " + (positions - base));
  }

  private static String key(String... parts) {
    return String.join("|", parts);
  }
}
