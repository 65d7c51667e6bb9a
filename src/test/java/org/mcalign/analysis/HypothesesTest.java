package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mcalign.stats.Correlation;
import tech.tablesaw.api.Table;

class HypothesesTest {

  /** One pass without resampling equals the metric computed directly on the joined rows. */
  @Test
  void englishAlignmentNoResampleEqualsDirectComputation() {
    AnalysisInputs in = TestData.inputs();
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(0);
    Table responses = Baselines.withBaselines(in.responses(), s, 1);
    Table t = Hypotheses.run("english_language_alignment", in, responses, Metric.MEAN_ALIGNMENT, s, 1).table();
    assertEquals(List.of("model_name", "cntry_an", "metric_value", "round"), t.columnNames());
    // direct: gpt-4o English responses against Great Britain's ground truth
    Table gt = in.groundTruthAllCountries();
    Map<String, Double> gb = new HashMap<>();
    for (int i = 0; i < gt.rowCount(); i++)
      if (gt.getString(i, "cntry_an").equals("GB") && gt.getString(i, "language").equals("en"))
        gb.put(gt.getString(i, "question_key").toLowerCase(), gt.doubleColumn("pro_score").getDouble(i));
    List<Double> x = new ArrayList<>(), y = new ArrayList<>();
    Table r = in.responses();
    for (int i = 0; i < r.rowCount(); i++)
      if (r.getString(i, "model_name").equals("gpt-4o") && r.getString(i, "language").equals("en")
          && gb.containsKey(r.getString(i, "question_key"))) {
        x.add(r.doubleColumn("response_pro_score").getDouble(i));
        y.add(gb.get(r.getString(i, "question_key")));
      }
    double expected = Correlation.meanAlignment(x.stream().mapToDouble(d -> d).toArray(), y.stream().mapToDouble(d -> d).toArray());
    Table row = t.where(t.stringColumn("model_name").isEqualTo("gpt-4o").and(t.stringColumn("cntry_an").isEqualTo("GB")));
    assertEquals(1, row.rowCount());
    assertEquals(expected, row.doubleColumn("metric_value").getDouble(0), 1e-12);
  }

  @Test
  void everyAnalysisRunsAndIsSeeded() {
    AnalysisInputs in = TestData.inputs();
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(3);
    Table responses = Baselines.withBaselines(in.responses(), s, 1);
    for (String name : Hypotheses.NAMES) {
      Table a = Hypotheses.run(name, in, responses, Metric.SPEARMAN, s, 5).table();
      Table b = Hypotheses.run(name, in, responses, Metric.SPEARMAN, s.withThreads(1), 5).table();
      assertTrue(a.rowCount() > 0, name);
      assertEquals(a.rowCount() % 3, 0, name);
      String value = a.containsColumn("metric_value") ? "metric_value" : "Native Alignment";
      assertArrayEquals(a.doubleColumn(value).asDoubleArray(), b.doubleColumn(value).asDoubleArray(), name);
    }
  }

  /**
   * The paper's own demographic output (1,000 rounds) is in the paper's repository; our
   * bootstrap means per group must agree with its means within bootstrap noise.
   */
  @Test
  void demographicMatchesThePapersBootstrapMeans() throws IOException {
    Path paper = Path.of("..", "paper-src", "output", "spearman_n1000_demographic_analysis.csv");
    Assumptions.assumeTrue(Files.exists(paper), "paper's repository output not available");
    AnalysisInputs in = TestData.inputs();
    Table ours = Demographic.run(in.demographicResults(), Metric.SPEARMAN, 200, 9, AnalysisSettings.paper()).table();
    Map<String, double[]> paperMeans = new HashMap<>(), ourMeans = new HashMap<>();
    for (String line : Files.readAllLines(paper).subList(1, Files.readAllLines(paper).size())) {
      String[] f = line.split(",");
      double[] a = paperMeans.computeIfAbsent(f[2] + "|" + f[3], k -> new double[3]);
      a[0] += Double.parseDouble(f[4]); a[1] += Double.parseDouble(f[5]); a[2]++;
    }
    for (int i = 0; i < ours.rowCount(); i++) {
      double[] a = ourMeans.computeIfAbsent(ours.getString(i, "response_language") + "|" + ours.getString(i, "is_congruent"), k -> new double[3]);
      a[0] += ours.doubleColumn("metric_value").getDouble(i); a[1] += ours.doubleColumn("consistency").getDouble(i); a[2]++;
    }
    assertEquals(paperMeans.keySet(), ourMeans.keySet());
    paperMeans.forEach((k, p) -> {
      double[] o = ourMeans.get(k);
      assertEquals(p[0] / p[2], o[0] / o[2], 0.02, "metric " + k);
      // Resampling duplicates rows, and duplicated rows pair with themselves in the self-join,
      // so the bootstrap mean of consistency sits 0.01-0.03 above the one-pass value (the
      // goldens' port of the paper's code shows the same). The paper's published demographic
      // file does not show this lift (its means equal our one-pass values to 0.01), so it was
      // probably made from a slightly different input; hence the wider tolerance here.
      assertEquals(p[1] / p[2], o[1] / o[2], 0.04, "consistency " + k);
    });
  }
}
