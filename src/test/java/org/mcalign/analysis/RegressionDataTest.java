package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** RQ1/RQ2 data builders against the goldens' regression inputs (shapes and seed-free columns). */
class RegressionDataTest {
  static Table experiment;
  static AnalysisInputs in;

  @BeforeAll
  static void run() {
    in = TestData.inputs();
    AnalysisSettings s = AnalysisSettings.paper();
    experiment = TotalGroundTruthAlignment.run(in, Baselines.withBaselines(in.responses(), s, 3),
        Metric.SPEARMAN, 100, 3, s).table();
  }

  @Test
  void rq1DataHasGoldenShapeAndBenchmarkMeans() throws IOException {
    Table rq1 = MultilingualRegression.regressionData(experiment, MultilingualRegression.benchmarks(in));
    List<String> golden = Files.readAllLines(TestData.goldens().resolve("rq1_regression_input.csv"));
    assertEquals(golden.get(0), String.join(",", rq1.columnNames()));
    assertEquals(golden.size() - 1, rq1.rowCount());
    Map<String, String> goldenMultilingual = new TreeMap<>(), ours = new TreeMap<>();
    Map<String, Integer> goldenCount = new HashMap<>(), ourCount = new HashMap<>();
    for (String line : golden.subList(1, golden.size())) {
      String[] f = line.split(",");
      goldenMultilingual.put(f[0] + "|" + f[2] + "|" + f[3], f[6]);
      goldenCount.merge(f[0] + "|" + f[2], 1, Integer::sum);
    }
    for (int i = 0; i < rq1.rowCount(); i++) {
      String k = rq1.getString(i, "model_name") + "|" + rq1.getString(i, "language");
      ours.put(k + "|" + rq1.getString(i, "gt_group"), Double.toString(rq1.doubleColumn("multilingual").getDouble(i)));
      ourCount.merge(k, 1, Integer::sum);
    }
    assertEquals(goldenCount, ourCount);
    goldenMultilingual.forEach((k, v) -> assertEquals(Double.parseDouble(v), Double.parseDouble(ours.get(k)), 1e-12, k));
  }

  @Test
  void rq2DataHasGoldenShapeAndUsCorrelations() throws IOException {
    Table rq2 = UsCentricBias.usData(experiment, in);
    List<String> golden = Files.readAllLines(TestData.goldens().resolve("rq2_regression_input.csv"));
    assertEquals(golden.get(0), String.join(",", rq2.columnNames()));
    assertEquals(golden.size() - 1, rq2.rowCount());
    Map<String, Integer> gk = new HashMap<>(), ok = new HashMap<>();
    Map<String, Double> corr = new HashMap<>();
    for (String line : golden.subList(1, golden.size())) {
      String[] f = line.split(",");
      gk.merge(f[0] + "|" + f[2] + "|" + f[3] + "|" + f[6] + "|" + f[7], 1, Integer::sum);
      corr.put(f[3], Double.parseDouble(f[8]));
    }
    for (int i = 0; i < rq2.rowCount(); i++) {
      ok.merge(rq2.getString(i, "model_name") + "|" + rq2.getString(i, "language") + "|" + rq2.getString(i, "gt_group")
          + "|" + (rq2.booleanColumn("native").get(i) ? "True" : "False")
          + "|" + (rq2.booleanColumn("us").get(i) ? "True" : "False"), 1, Integer::sum);
      assertEquals(corr.get(rq2.getString(i, "gt_group")), rq2.doubleColumn("us_corr").getDouble(i), 1e-12);
    }
    assertEquals(gk, ok);
  }
}
