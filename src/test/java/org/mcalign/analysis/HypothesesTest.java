package org.mcalign.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mcalign.data.Paper;
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
    double expected = gpt4oAgainstGreatBritain(in.responses(), in.groundTruthAllCountries());
    Table row = t.where(t.stringColumn("model_name").isEqualTo("gpt-4o").and(t.stringColumn("cntry_an").isEqualTo("GB")));
    assertEquals(1, row.rowCount());
    assertEquals(expected, row.doubleColumn("metric_value").getDouble(0), 1e-12);
  }

  /** Mean alignment of gpt-4o's English responses with Great Britain's English ground truth in {@code gt}, computed directly. */
  static double gpt4oAgainstGreatBritain(Table r, Table gt) {
    Map<String, Double> gb = new HashMap<>();
    for (int i = 0; i < gt.rowCount(); i++)
      if (gt.getString(i, "cntry_an").equals("GB") && gt.getString(i, "language").equals("en"))
        gb.put(gt.getString(i, "question_key").toLowerCase(), gt.doubleColumn("pro_score").getDouble(i));
    List<Double> x = new ArrayList<>(), y = new ArrayList<>();
    for (int i = 0; i < r.rowCount(); i++)
      if (r.getString(i, "model_name").equals("gpt-4o") && r.getString(i, "language").equals("en")
          && gb.containsKey(r.getString(i, "question_key"))) {
        x.add(r.doubleColumn("response_pro_score").getDouble(i));
        y.add(gb.get(r.getString(i, "question_key")));
      }
    return Correlation.meanAlignment(x.stream().mapToDouble(d -> d).toArray(), y.stream().mapToDouble(d -> d).toArray());
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
   * The paper's own demographic output ({@code output/spearman_n1000_demographic_analysis.csv} of
   * its repository at the pinned commit, 8,000 rows, SHA-256 73a9e2a0…94e8; not among the data
   * files the project downloads) summarised as the mean metric and mean consistency over its
   * 1,000 rounds per (response_language, is_congruent): the 16 values below. Our bootstrap means
   * must agree with them within bootstrap noise.
   */
  private static final Map<String, double[]> PAPER_DEMOGRAPHIC_MEANS = Map.of(
      "da|false", new double[] {0.24898, 0.28015},
      "da|true", new double[] {0.18667, 0.28015},
      "en|false", new double[] {0.40019, 0.52731},
      "en|true", new double[] {0.41856, 0.52731},
      "nl|false", new double[] {0.39571, 0.43501},
      "nl|true", new double[] {0.46703, 0.43501},
      "pt|false", new double[] {0.16923, 0.45809},
      "pt|true", new double[] {0.33296, 0.45809});

  @Test
  void demographicMatchesThePapersBootstrapMeans() {
    AnalysisInputs in = TestData.inputs();
    Table ours = Demographic.run(in.demographicResults(), Metric.SPEARMAN, 200, 9, AnalysisSettings.paper()).table();
    Map<String, double[]> ourMeans = new HashMap<>();
    for (int i = 0; i < ours.rowCount(); i++) {
      double[] a = ourMeans.computeIfAbsent(ours.getString(i, "response_language") + "|" + ours.getString(i, "is_congruent"), k -> new double[3]);
      a[0] += ours.doubleColumn("metric_value").getDouble(i); a[1] += ours.doubleColumn("consistency").getDouble(i); a[2]++;
    }
    assertEquals(PAPER_DEMOGRAPHIC_MEANS.keySet(), ourMeans.keySet());
    PAPER_DEMOGRAPHIC_MEANS.forEach((k, p) -> {
      double[] o = ourMeans.get(k);
      assertEquals(p[0], o[0] / o[2], 0.02, "metric " + k);
      // the paper's published consistencies equal the rule that leaves resampled copies of one
      // response unpaired (AnalysisSettings.paper(), ConsistencyPairs.DISTINCT_ROWS) to about 0.006
      assertEquals(p[1], o[1] / o[2], 0.015, "consistency " + k);
    });
  }

  @Test
  void thresholdKeepsTheExtremeGroundTruthAndTheAnalysesUseIt() {
    AnalysisInputs in = TestData.inputs();
    Table all = in.groundTruthAllCountries();
    Table kept = Hypotheses.extremeGroundTruth(all, 0.2);
    int expected = 0;
    for (double p : all.doubleColumn("pro_score").asDoubleArray()) if (Math.abs(p - 0.5) > 0.2) expected++;
    assertEquals(expected, kept.rowCount());
    assertTrue(expected > 0 && expected < all.rowCount());
    assertSame(all, Hypotheses.extremeGroundTruth(all, null));
    assertThrows(IllegalArgumentException.class, () -> Hypotheses.extremeGroundTruth(all, 0.5));
    // one pass: gpt-4o's English responses against Great Britain's extreme ground truth, computed directly
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(0);
    Table t = Hypotheses.run("english_language_alignment", kept, Baselines.withBaselines(in.responses(), s, 1),
        Metric.MEAN_ALIGNMENT, s, 1).table();
    double direct = gpt4oAgainstGreatBritain(in.responses(), kept);
    Table row = t.where(t.stringColumn("model_name").isEqualTo("gpt-4o").and(t.stringColumn("cntry_an").isEqualTo("GB")));
    assertEquals(direct, row.doubleColumn("metric_value").getDouble(0), 1e-12);
  }

  /** The paper's {@code latest_results_with_baseline.csv} at the pinned commit: this header and 11,152 rows. */
  private static final String PAPER_LATEST_HEADER = "model_name,model_family,template_type,language,response_language,question_key,response_pro_score";
  private static final int PAPER_LATEST_ROWS = 11_152;

  @Test
  void scriptWritesLatestResultsWithBaselineAndACaptionedGallery(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    AnalysisInputs in = TestData.inputs();
    AnalysisSettings s = AnalysisSettings.paper().withAllRounds(2);
    HypothesesScript h = HypothesesScript.run(in, List.of("American Superiority Bias", "monocultural_alignment"),
        Metric.MEAN_ALIGNMENT, 0.1, s, 77);
    Table latest = h.resultsWithBaseline();
    assertEquals(PAPER_LATEST_HEADER, String.join(",", latest.columnNames()));
    assertEquals(PAPER_LATEST_ROWS, latest.rowCount());
    Table responses = in.responses();
    for (int i = 0; i < responses.rowCount(); i += 97) {
      assertEquals(responses.getString(i, "question_key"), latest.getString(i, "question_key"));
      assertEquals(responses.doubleColumn("response_pro_score").getDouble(i), latest.doubleColumn("response_pro_score").getDouble(i), 0);
    }
    assertEquals(Paper.BASELINE_FIFTY, latest.getString(responses.rowCount(), "model_name"));
    assertEquals(Paper.BASELINE_UNIFORM, latest.getString(latest.rowCount() - 1, "model_name"));
    assertEquals(List.of("english_language_alignment", "monocultural_alignment"), h.results().stream().map(AnalysisResult::name).toList());
    var written = h.writeTo(dir, in, true);
    assertTrue(java.nio.file.Files.exists(dir.resolve("latest_results_with_baseline.csv")));
    assertTrue(java.nio.file.Files.exists(dir.resolve("mean_alignment_n2_monocultural_alignment.csv")));
    String md = java.nio.file.Files.readString(dir.resolve("hypotheses_gallery.md"));
    for (String png : List.of("mean_alignment_n2_english_language_alignment.png", "mean_alignment_n2_monocultural_alignment.png",
        "mean_alignment_n2_by_family_monocultural_alignment.png")) {
      assertTrue(java.nio.file.Files.exists(dir.resolve("plots").resolve(png)), png);
      assertTrue(md.contains("(plots/" + png + ")"), png);
    }
    assertTrue(md.contains("Bars: mean of the metric over 2 rounds") && md.contains("|pro score − 0.5| > 0.1"), md);
    String prov = java.nio.file.Files.readString(dir.resolve("provenance.json"));
    assertTrue(prov.contains("\"threshold\" : 0.1") && prov.contains("77"), prov);
    assertTrue(written.size() >= 8);
  }
}
